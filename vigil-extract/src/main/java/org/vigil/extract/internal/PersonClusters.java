package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the person mentions of one article by who they name: full names agree on their first and last
 * words ("Barack Obama", "Barack H. Obama"), and a lone surname or first name joins the one full name it
 * fits. A lone name that fits none, or several, stands alone.
 */
final class PersonClusters {

    private final List<Mention> mentions;
    private final List<List<Mention>> clusters = new ArrayList<>();

    PersonClusters(List<Mention> mentions) {
        this.mentions = mentions;
    }

    /** Each person's fullest name, with all the mentions of that person, in order of first mention. */
    Map<String, List<Mention>> clusters() {
        mentions.stream().filter(m -> m.size() > 1).forEach(this::addFull);
        mentions.stream().filter(m -> m.size() == 1).forEach(this::addSingle);
        clusters.sort((a, b) -> Integer.compare(a.get(0).start(), b.get(0).start()));
        Map<String, List<Mention>> out = new LinkedHashMap<>();
        for (List<Mention> c : clusters) {
            out.merge(fullest(c), c, (x, y) -> {
                List<Mention> both = new ArrayList<>(x);
                both.addAll(y);
                return both;
            });
        }
        return out;
    }

    private void addFull(Mention m) {
        for (List<Mention> c : clusters) {
            Mention f = c.get(0);
            if (word(f, f.from()).equals(word(m, m.from())) && word(f, f.to() - 1).equals(word(m, m.to() - 1))) {
                c.add(m);
                return;
            }
        }
        clusters.add(new ArrayList<>(List.of(m)));
    }

    private void addSingle(Mention m) {
        String w = word(m, m.from());
        List<Mention> bySurname = unique(c -> word(c.get(0), c.get(0).to() - 1).equals(w));
        List<Mention> byFirstName = bySurname != null ? null : unique(c -> word(c.get(0), c.get(0).from()).equals(w));
        List<Mention> target = bySurname != null ? bySurname : byFirstName;
        if (target != null) {
            target.add(m);
            return;
        }
        clusters.add(new ArrayList<>(List.of(m)));
    }

    /** The one multi-word cluster that satisfies {@code test}, or null when none or several do. */
    private List<Mention> unique(java.util.function.Predicate<List<Mention>> test) {
        List<Mention> found = null;
        for (List<Mention> c : clusters) {
            if (c.get(0).size() > 1 && test.test(c)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    private static String word(Mention m, int i) {
        return Names.key(m.sentence().token(i).text());
    }

    private static String fullest(List<Mention> c) {
        Mention best = c.get(0);
        for (Mention m : c) {
            if (m.size() > best.size()) {
                best = m;
            }
        }
        return best.text();
    }
}
