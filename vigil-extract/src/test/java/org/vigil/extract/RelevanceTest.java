package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A report says whether its article is about security, so that sport and business never feed the threat picture. */
class RelevanceTest {

    @Test
    void aRaceResultIsAnOffTopicIdentityReport() {
        Extraction x = Fixtures.extract("Geoffrey Mutai of Kenya won the city marathon on Monday in a course record, "
                + "two minutes ahead of the defending champion. The women's race went to Caroline Kilel after a sprint "
                + "down the final straight.");
        assertEquals(List.of("identity"), x.report().texts("report_types"));
        assertEquals(List.of("vigil:relevance=off-topic"), x.report().texts("labels"));
    }

    @Test
    void anArticleNamingAnAttackIsAThreatReport() {
        Extraction x = Fixtures.extract("A car bomb went off near the stadium in Lyon on Saturday evening.");
        assertEquals(List.of("threat-report"), x.report().texts("report_types"));
        assertEquals(List.of("vigil:relevance=on-topic"), x.report().texts("labels"));
    }

    @Test
    void securityWordsAloneMakeAnArticleOnTopic() {
        Extraction x = Fixtures.extract("Police said security around the fan zones would be tightened after a threat "
                + "was reported to investigators on Friday.");
        assertEquals(List.of("threat-report"), x.report().texts("report_types"));
    }
}
