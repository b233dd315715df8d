package org.vigil.screen;

/**
 * A person of interest that a screened name may be.
 *
 * @param person who
 * @param matched the name or alias of theirs that the screened name came closest to
 * @param score from 0 (nothing alike) to 1 (the same name, nothing disagreeing)
 * @param why how the names were compared, in words an analyst can check
 */
public record Match(PersonOfInterest person, String matched, double score, String why) {
}
