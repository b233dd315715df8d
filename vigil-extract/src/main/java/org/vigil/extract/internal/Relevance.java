package org.vigil.extract.internal;

import java.util.List;

/**
 * Whether an article is about security at all (terrorism, attacks, crime, protection of events), so that a
 * race result or company earnings do not feed the threat picture: it is when extraction found a kind of
 * attack or an armed group, or when its story uses the words of security often enough.
 */
public final class Relevance {

    /** Security words a story needs, when it names no attack and no group. */
    static final int MIN_WORDS = 3;

    private Relevance() {
    }

    public static boolean onTopic(String story, List<Entity> entities) {
        for (Entity e : entities) {
            if (e.kind() == Entity.Kind.ATTACK || e.kind() == Entity.Kind.GROUP) {
                return true;
            }
        }
        return onTopic(story);
    }

    /** By the words alone (for a near-duplicate, which is not analysed further). */
    public static boolean onTopic(String story) {
        int n = 0;
        for (String w : story.split("[^\\p{L}-]+")) {
            if (Lexicon.has(Lexicon.SECURITY_WORDS, w) && ++n >= MIN_WORDS) {
                return true;
            }
        }
        return false;
    }
}
