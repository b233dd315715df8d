package org.vigil.alerts;

import java.time.Duration;
import java.util.List;

/**
 * What a person writes for a draft or an update. In an update, a null (or empty list) keeps what the replaced
 * message said.
 *
 * @param places location ids, or names of locations the author may see
 * @param level 1 to 4, or null
 * @param headline a short headline, or null
 * @param description what is going on, or null
 * @param instruction what travellers should do, or null
 * @param risks the risks behind the level
 * @param evidence ids of objects the alert rests on
 * @param expiresIn how long after it takes effect the message expires, or null (14 days for a new alert)
 */
public record AlertDraft(List<String> places, Integer level, String headline, String description, String instruction,
                         List<String> risks, List<String> evidence, Duration expiresIn) {

    public AlertDraft {
        places = places == null ? List.of() : List.copyOf(places);
        risks = risks == null ? List.of() : List.copyOf(risks);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
