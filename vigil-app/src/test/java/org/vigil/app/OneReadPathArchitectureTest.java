package org.vigil.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;

/**
 * The one read path of docs/architecture.md, enforced on the compiled code of every module: objects leave the
 * store for output only through vigil-access, and the TAXII server cannot even see the store.
 */
class OneReadPathArchitectureTest {

    private static final Set<String> OBJECT_READS = Set.of("objects", "manifest", "versions", "placeLinks",
            "places", "readPlaceIndex", "placeIndexChanges", "search", "referencing");

    private static final JavaClasses VIGIL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    private static final DescribedPredicate<JavaMethodCall> READS_OBJECTS_FROM_THE_STORE =
            DescribedPredicate.describe("read objects from the Store (objects, manifest, versions or the place index)", call ->
                    call.getTargetOwner().isAssignableTo(Store.class) && OBJECT_READS.contains(call.getName()));

    /**
     * Only the access layer (which applies the policy and audits) and the store itself read objects. The one
     * exception is {@code vigil bench taxii}, which times raw store reads as the baseline the read path is measured
     * against and prints only timings, never an object.
     */
    static final ArchRule ONLY_THE_READ_PATH_READS_OBJECTS = noClasses()
            .that().resideOutsideOfPackages("org.vigil.access..", "org.vigil.store..")
            .and().doNotHaveFullyQualifiedName("org.vigil.app.TaxiiBench")
            .should().callMethodWhere(READS_OBJECTS_FROM_THE_STORE)
            .because("every egress goes through org.vigil.access.ReadPath, which applies the marking policy and "
                    + "writes the audit log");

    /** The TAXII server is handed the read and write paths, never the store. */
    static final ArchRule TAXII_NEVER_TOUCHES_THE_STORE = noClasses()
            .that().resideInAPackage("org.vigil.taxii..")
            .should().dependOnClassesThat().areAssignableTo(Store.class)
            .because("the TAXII server must not be able to read around the policy");

    /**
     * The ways out added beside TAXII, one entry each: the rule above covers them, and {@link #theRulesSeeEveryModule}
     * proves it sees them, so a way out cannot be added where the rule does not look.
     */
    static final Set<String> WAYS_OUT = Set.of(
            "org.vigil.taxii.internal.Endpoints",          // TAXII pages, manifests, versions
            "org.vigil.picture.Picture",                   // upticks, timelines, event pictures (counts and ids)
            "org.vigil.alerts.WebhookDeliverer",           // webhooks
            "org.vigil.alerts.LiveStream",                 // the live stream (SSE)
            "org.vigil.alerts.TravelAlerts",               // CAP, Atom and the alerts API
            "org.vigil.alerts.TravellerMail",              // e-mail to travellers
            "org.vigil.screen.Watchlist",                  // screening: the API and vigil screen
            "org.vigil.screen.ContinuousScreening",        // continuous screening: sightings of watchlist hits
            "org.vigil.federation.internal.Pusher",        // federation pushes
            "org.vigil.web.WebUi");                        // the analyst's web UI and its data calls

    /** The threat picture is handed the read path, never the store: its counts cannot include what a caller may not see. */
    static final ArchRule THE_PICTURE_NEVER_TOUCHES_THE_STORE = noClasses()
            .that().resideInAPackage("org.vigil.picture..")
            .should().dependOnClassesThat().areAssignableTo(Store.class)
            .because("the picture counts only what the read path releases to the caller");

    @Test
    void thePictureDoesNotDependOnTheStore() {
        THE_PICTURE_NEVER_TOUCHES_THE_STORE.check(VIGIL);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String module : WAYS_OUT) {
            assertTrue(VIGIL.contain(module), module + " is imported");
        }
        for (String module : Set.of("org.vigil.access.ReadPath",
                "org.vigil.app.Installation", "org.vigil.store.internal.JdbcStore", "org.vigil.stix.Validator")) {
            assertTrue(VIGIL.contain(module), module + " is imported");
        }
        assertFalse(VIGIL.contain(LeakyExport.class.getName()), "test classes are not part of the product");
    }

    @Test
    void nothingOutsideAccessAndStoreReadsObjectsFromTheStore() {
        ONLY_THE_READ_PATH_READS_OBJECTS.check(VIGIL);
    }

    @Test
    void theTaxiiServerDoesNotDependOnTheStore() {
        TAXII_NEVER_TOUCHES_THE_STORE.check(VIGIL);
    }

    @Test
    void theRuleCatchesAnExportThatReadsAroundThePolicy() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyExport.class);
        EvaluationResult result = ONLY_THE_READ_PATH_READS_OBJECTS.evaluate(leaky);
        assertTrue(result.hasViolation(), "a class reading Store.objects directly is reported");
        assertTrue(result.getFailureReport().toString().contains("LeakyExport"), result.getFailureReport()::toString);
    }

    /** What the rule exists to stop: an egress that reads the store directly, skipping policy and audit. */
    static final class LeakyExport {

        private LeakyExport() {
        }

        static int everything(Store store, ObjectQuery query) {
            return store.objects(query).items().size();
        }
    }
}
