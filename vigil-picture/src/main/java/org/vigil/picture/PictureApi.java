package org.vigil.picture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.vigil.stix.Identifier;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiHandler;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiV1;

/** The threat picture under /api/v1/: upticks, a place's timeline, events and an event's picture. */
public final class PictureApi implements ApiModule {

    private static final int DEFAULT_DAYS = 30;

    private final Picture picture;
    private final Clock clock;

    public PictureApi(Picture picture, Clock clock) {
        this.picture = picture;
        this.clock = clock;
    }

    @Override
    public void install(ApiV1 api) {
        api.get("/upticks", refusing(call -> {
            LocalDate[] span = span(call);
            return Map.of("upticks", picture.upticks(call.principal(), span[0], span[1],
                    call.query("place").map(id -> id(id, "location", "place")),
                    call.query("event").map(id -> id(id, Event.TYPE, "event")), call.request()));
        }));
        api.get("/places/{place}/timeline", refusing(call -> {
            LocalDate[] span = span(call);
            return picture.timeline(call.principal(), id(call.pathParam("place"), "location", "place"), span[0],
                    span[1], call.request());
        }));
        api.get("/events", refusing(call -> Map.of("events", picture.events(call.principal(), call.request())
                .stream().map(PictureApi::describe).toList())));
        api.get("/events/{event}/picture", refusing(call -> picture.picture(call.principal(),
                id(call.pathParam("event"), Event.TYPE, "event"), call.day("at"), call.request())));
        api.describe(PictureApi.class.getResourceAsStream("openapi.json"));
    }

    private static Map<String, Object> describe(Event e) {
        return Map.of("id", e.id(), "name", e.name(), "first", e.first().toString(), "last", e.last().toString(),
                "venues", e.venues(), "host_country", e.hostCountry() == null ? "" : e.hostCountry());
    }

    /** The days asked for: from and to, by default the last thirty days up to today. */
    private LocalDate[] span(ApiCall call) {
        LocalDate to = call.day("to").orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate from = call.day("from").orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (to.isBefore(from)) {
            throw ApiException.unprocessable("to (" + to + ") is before from (" + from + "); swap them");
        }
        return new LocalDate[] {from, to};
    }

    private static String id(String value, String type, String what) {
        String problem = Identifier.problem(value);
        if (problem != null || !value.startsWith(type + "--")) {
            throw ApiException.badRequest("the " + what + " '" + value + "' is not a STIX id of type " + type
                    + (problem == null ? "" : " (" + problem + ")") + "; give one like " + type
                    + "--6f9b3c2e-0d4a-4a8e-9b1f-2c3d4e5f6a7b");
        }
        return value;
    }

    /** The picture's refusals as the API's errors. */
    private static ApiHandler refusing(ApiHandler handler) {
        return call -> {
            try {
                return handler.handle(call);
            } catch (Picture.NotFound e) {
                throw new ApiException(404, "Not found", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(e.getMessage());
            }
        };
    }

    static List<String> paths() {
        return List.of("/upticks", "/places/{place}/timeline", "/events", "/events/{event}/picture");
    }
}
