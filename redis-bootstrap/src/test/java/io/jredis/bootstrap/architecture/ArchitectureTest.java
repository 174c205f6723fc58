package io.jredis.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.jredis.application.violation.SocketInApplication;
import io.jredis.domain.violation.ClockReadInDomain;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency directions of design.md, checked on the production classes of every module. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jredis");

    /** The domain: java.base's pure parts only; no I/O, threads, logging or clock reads. */
    static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage("io.jredis.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "io.jredis.domain..", "java.lang", "java.lang.invoke", "java.util..", "java.math",
                    "java.nio", "java.nio.charset")
            .andShould().onlyDependOnClassesThat().doNotHaveFullyQualifiedName("java.lang.Thread")
            .andShould().onlyDependOnClassesThat().doNotHaveFullyQualifiedName("java.lang.Runtime")
            .because("the domain models data and time arrives through the Clock port");

    static final ArchRule DOMAIN_READS_NO_CLOCK = noClasses().that().resideInAPackage("io.jredis.domain..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("time arrives through the Clock port, so tests can move it");

    /** The application: the domain and its own ports; no sockets, channels, files, Agrona or logging. */
    static final ArchRule APPLICATION_USES_PORTS_ONLY = noClasses().that().resideInAPackage("io.jredis.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.net..", "java.nio.channels..", "java.nio.file..", "java.io..", "org.agrona..",
                    "org.slf4j..", "io.jredis.adapter..", "io.jredis.bootstrap..")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("adapters plug into the application through ports");

    static final ArchRule DOMAIN_KNOWS_NO_OUTER_LAYER = noClasses().that().resideInAPackage("io.jredis.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.jredis.application..", "io.jredis.adapter..",
                    "io.jredis.bootstrap..");

    static final ArchRule NET_ADAPTER_IGNORES_REPLICATION = noClasses().that().resideInAPackage("io.jredis.adapter.net..")
            .should().dependOnClassesThat().resideInAnyPackage("io.jredis.adapter.replication..", "io.jredis.bootstrap..")
            .because("adapters meet only through application ports, wired in bootstrap");

    static final ArchRule REPLICATION_ADAPTER_IGNORES_NET = noClasses().that().resideInAPackage("io.jredis.adapter.replication..")
            .should().dependOnClassesThat().resideInAnyPackage("io.jredis.adapter.net..", "io.jredis.bootstrap..")
            .because("adapters meet only through application ports, wired in bootstrap");

    @Test
    void domainIsPure() {
        DOMAIN_IS_PURE.check(PRODUCTION);
        DOMAIN_READS_NO_CLOCK.check(PRODUCTION);
        DOMAIN_KNOWS_NO_OUTER_LAYER.check(PRODUCTION);
    }

    @Test
    void applicationUsesDomainAndPortsOnly() {
        APPLICATION_USES_PORTS_ONLY.check(PRODUCTION);
    }

    @Test
    void adaptersNeverUseEachOther() {
        NET_ADAPTER_IGNORES_REPLICATION.check(PRODUCTION);
        REPLICATION_ADAPTER_IGNORES_NET.check(PRODUCTION);
    }

    @Test
    void theProductionClassesOfEveryModuleWereImported() {
        for (String pkg : new String[] {"io.jredis.domain", "io.jredis.application", "io.jredis.adapter.net",
                "io.jredis.adapter.replication", "io.jredis.bootstrap"}) {
            assertTrue(PRODUCTION.containPackage(pkg + (pkg.endsWith("domain") ? ".keyspace" : "")),
                    "no classes imported from " + pkg);
        }
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(ClockReadInDomain.class, SocketInApplication.class);
        assertTrue(DOMAIN_READS_NO_CLOCK.evaluate(bad).hasViolation(), "a clock read in the domain must fail the build");
        assertTrue(APPLICATION_USES_PORTS_ONLY.evaluate(bad).hasViolation(), "a socket in the application must fail");
        JavaClasses good = new ClassFileImporter().importClasses(io.jredis.domain.keyspace.Database.class);
        assertFalse(DOMAIN_IS_PURE.evaluate(good).hasViolation());
    }
}
