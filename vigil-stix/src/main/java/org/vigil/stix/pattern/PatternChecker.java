package org.vigil.stix.pattern;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.stix.pattern.StixPatternParser.BracketObservationContext;
import org.vigil.stix.pattern.StixPatternParser.ComparisonAndContext;
import org.vigil.stix.pattern.StixPatternParser.ComparisonExpressionContext;
import org.vigil.stix.pattern.StixPatternParser.ComparisonTestContext;
import org.vigil.stix.pattern.StixPatternParser.ExistsTestContext;
import org.vigil.stix.pattern.StixPatternParser.GroupedObservationContext;
import org.vigil.stix.pattern.StixPatternParser.GroupedTestContext;
import org.vigil.stix.pattern.StixPatternParser.ObservationAndContext;
import org.vigil.stix.pattern.StixPatternParser.ObservationContext;
import org.vigil.stix.pattern.StixPatternParser.ObservationExpressionsContext;
import org.vigil.stix.pattern.StixPatternParser.ObservationOrContext;
import org.vigil.stix.pattern.StixPatternParser.PatternContext;
import org.vigil.stix.pattern.StixPatternParser.PropTestContext;
import org.vigil.stix.pattern.StixPatternParser.QualifiedObservationContext;

/**
 * Walks a parsed pattern for the rules the grammar cannot express, and collects the object types and properties
 * its object paths name.
 */
final class PatternChecker {

    private final Problems problems;
    private final Map<String, Set<String>> properties = new TreeMap<>();

    private PatternChecker(Problems problems) {
        this.problems = problems;
    }

    static PatternCheck check(PatternContext pattern, Columns columns) {
        PatternChecker checker = new PatternChecker(new Problems(columns));
        checker.observations(pattern.observationExpressions());
        return new PatternCheck(checker.problems.sorted(), checker.properties);
    }

    private void observations(ObservationExpressionsContext expressions) {
        for (ObservationOrContext or : expressions.observationOr()) {
            for (ObservationAndContext and : or.observationAnd()) {
                and.qualifiedObservation().forEach(this::qualified);
            }
        }
    }

    private void qualified(QualifiedObservationContext qualified) {
        observation(qualified.observation());
        Qualifiers.check(qualified.qualifier(), problems);
    }

    private void observation(ObservationContext observation) {
        if (observation instanceof BracketObservationContext bracket) {
            satisfyingTypes(bracket.comparisonExpression());
        } else {
            observations(((GroupedObservationContext) observation).observationExpressions());
        }
    }

    /** The object types that could satisfy the expression: a union over OR. */
    private Set<String> satisfyingTypes(ComparisonExpressionContext expression) {
        Set<String> types = new TreeSet<>();
        for (ComparisonAndContext conjunction : expression.comparisonAnd()) {
            types.addAll(conjunctionTypes(conjunction));
        }
        return types;
    }

    /**
     * The intersection over AND. STIX 2.1 requires every operand of AND in an observation
     * expression to be satisfiable by the same type of object, since one object must match them all.
     */
    private Set<String> conjunctionTypes(ComparisonAndContext conjunction) {
        List<PropTestContext> tests = conjunction.propTest();
        Set<String> common = testTypes(tests.get(0));
        for (int i = 1; i < tests.size(); i++) {
            Set<String> next = testTypes(tests.get(i));
            Set<String> both = new TreeSet<>(common);
            both.retainAll(next);
            if (both.isEmpty()) {
                reportMixedTypes(conjunction, i - 1, common, next);
            } else {
                // After a mismatch the left side stays as it was, so one mistake is reported once.
                common = both;
            }
        }
        return common;
    }

    private void reportMixedTypes(ComparisonAndContext conjunction, int andIndex, Set<String> left, Set<String> right) {
        String leftType = left.iterator().next();
        String rightType = right.iterator().next();
        problems.report(conjunction.AND(andIndex).getSymbol(),
                "AND joins comparisons about " + String.join("/", left) + " and about " + String.join("/", right)
                        + ", which no single object can satisfy",
                "all comparisons in an observation expression joined by AND must be about the same object type; "
                        + "use OR, or split them into observation expressions: [" + leftType + ":...] AND ["
                        + rightType + ":...]");
    }

    private Set<String> testTypes(PropTestContext test) {
        if (test instanceof ComparisonTestContext comparison) {
            String type = objectType(comparison.objectPath());
            Comparisons.check(comparison, problems);
            return Set.of(type);
        }
        if (test instanceof ExistsTestContext exists) {
            return Set.of(objectType(exists.objectPath()));
        }
        return satisfyingTypes(((GroupedTestContext) test).comparisonExpression());
    }

    private String objectType(StixPatternParser.ObjectPathContext path) {
        ObjectPaths.Start start = ObjectPaths.check(path, problems);
        Set<String> named = properties.computeIfAbsent(start.type(), t -> new TreeSet<>());
        if (start.property() != null) {
            named.add(start.property());
        }
        return start.type();
    }
}
