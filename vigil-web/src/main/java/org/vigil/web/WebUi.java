package org.vigil.web;

import org.vigil.access.ReadPath;
import org.vigil.access.Sessions;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiV1;
import org.vigil.web.internal.BrowserGate;
import org.vigil.web.internal.ObjectApi;
import org.vigil.web.internal.UiPages;

/**
 * The analyst's UI under {@code /ui/}: sign-in with a Vigil account, the event dashboard, the object view, the
 * graph and the map. Its pages are HTML shells whose data come from Vigil's API under {@code /api/v1/} (the
 * picture's operations and this module's object operations), called with the session cookie; everything they
 * show is read through the read path.
 */
public final class WebUi implements ApiModule {

    public static final String PREFIX = "/ui";

    private final ReadPath reads;
    private final Sessions sessions;

    public WebUi(ReadPath reads, Sessions sessions) {
        this.reads = reads;
        this.sessions = sessions;
    }

    @Override
    public void install(ApiV1 api) {
        BrowserGate gate = new BrowserGate(sessions);
        api.acceptSessions(gate::apiPrincipal);
        api.pages(PREFIX, app -> new UiPages(reads, gate).install(app));
        new ObjectApi(reads).install(api);
    }
}
