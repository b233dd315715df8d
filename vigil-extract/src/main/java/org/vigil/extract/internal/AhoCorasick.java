package org.vigil.extract.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds many phrases in one pass over a text (Aho-Corasick). Matching ignores case; only whole words match,
 * so "Hamas" is not found in "Bahamas". Callers apply their own case rules to the hits.
 *
 * @param <V> what a phrase stands for
 */
public final class AhoCorasick<V> {

    /** One occurrence of a phrase: the text's [start, end) and the values of that phrase. */
    public record Hit<V>(int start, int end, List<V> values) {
    }

    private static final class Node<V> {
        final Map<Character, Node<V>> next = new HashMap<>();
        Node<V> fail;
        Node<V> output;
        int depth;
        List<V> values;
    }

    private final Node<V> root = new Node<>();

    private AhoCorasick() {
    }

    /** Builds a matcher over the given phrases; a phrase may stand for several values. */
    public static <V> AhoCorasick<V> of(Map<String, List<V>> phrases) {
        AhoCorasick<V> ac = new AhoCorasick<>();
        phrases.forEach(ac::add);
        ac.link();
        return ac;
    }

    private void add(String phrase, List<V> values) {
        if (phrase.isBlank()) {
            return;
        }
        Node<V> node = root;
        for (char c : phrase.toCharArray()) {
            Node<V> parent = node;
            node = node.next.computeIfAbsent(Character.toLowerCase(c), k -> new Node<>());
            node.depth = parent.depth + 1;
        }
        if (node.values == null) {
            node.values = new ArrayList<>();
        }
        node.values.addAll(values);
    }

    /** Breadth-first: each node's failure link is the longest proper suffix that is also a path. */
    private void link() {
        Queue<Node<V>> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node<V> child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node<V> node = queue.remove();
            for (Map.Entry<Character, Node<V>> e : node.next.entrySet()) {
                Node<V> child = e.getValue();
                Node<V> f = node.fail;
                while (f != root && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                Node<V> target = f.next.get(e.getKey());
                child.fail = target != null && target != child ? target : root;
                child.output = child.fail.values != null ? child.fail : child.fail.output;
                queue.add(child);
            }
        }
    }

    /** Every whole-word occurrence, overlapping ones included, ordered by start then longest first. */
    public List<Hit<V>> findAll(String text) {
        List<Hit<V>> hits = new ArrayList<>();
        Node<V> node = root;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            for (Node<V> out = node.values != null ? node : node.output; out != null; out = out.output) {
                int start = i + 1 - out.depth;
                if (isBoundary(text, start - 1) && isBoundary(text, i + 1)) {
                    hits.add(new Hit<>(start, i + 1, out.values));
                }
            }
        }
        hits.sort(Comparator.<Hit<V>>comparingInt(Hit::start).thenComparing(h -> -h.end()));
        return hits;
    }

    /** The leftmost-longest hits that do not overlap one another. */
    public List<Hit<V>> findLongest(String text) {
        List<Hit<V>> out = new ArrayList<>();
        int covered = 0;
        for (Hit<V> h : findAll(text)) {
            if (h.start() >= covered) {
                out.add(h);
                covered = h.end();
            }
        }
        return out;
    }

    private static boolean isBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }
}
