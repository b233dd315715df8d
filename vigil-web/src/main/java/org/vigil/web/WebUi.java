package org.vigil.web;

import org.vigil.access.Administration;
import org.vigil.access.ReadPath;
import org.vigil.access.Sessions;
import org.vigil.access.WritePath;
import org.vigil.extract.Extractor;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiV1;
import org.vigil.web.internal.AdminApi;
import org.vigil.web.internal.AdminPages;
import org.vigil.web.internal.BrowserGate;
import org.vigil.web.internal.IngestApi;
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
    private final WritePath writes;
    private final Sessions sessions;
    private final AdminApi admin;
    private final Administration administration;
    private Extractor extractor;

    /** The UI without its administration pages. */
    public WebUi(ReadPath reads, WritePath writes, Sessions sessions) {
        this(reads, writes, sessions, null);
    }

    /**
     * The UI with its administration page for admins, which reads organisations, users, collections, grants,
     * tokens and the audit log from the store (none of them STIX objects, so none through the read path) and
     * changes them through the same {@link Administration} as the command line.
     */
    public WebUi(ReadPath reads, WritePath writes, Sessions sessions, Administration administration) {
        this.reads = reads;
        this.writes = writes;
        this.sessions = sessions;
        this.administration = administration;
        this.admin = administration == null ? null : new AdminApi(administration);
    }

    @Override
    public void install(ApiV1 api) {
        BrowserGate gate = new BrowserGate(sessions);
        api.acceptSessions(gate::apiPrincipal);
        api.pages(PREFIX, app -> {
            new UiPages(reads, gate, admin != null).install(app);
            if (administration != null) {
                new AdminPages(administration).install(app);
            }
        });
        new ObjectApi(reads).install(api);
        if (admin != null) {
            admin.install(api);
        }
        new IngestApi(reads, writes, this::extractor).install(api);
    }

    /** Extraction loads its language models on first use, not at start, since many hubs never ingest here. */
    private synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = Extractor.standard();
        }
        return extractor;
    }
}
