package org.baomi.core.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.baomi.core.device", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceArchitectureTest {

    @ArchTest
    static final ArchRule modelKnowsNoRules = noClasses().that().resideInAPackage("org.baomi.core.device")
            .should().dependOnClassesThat().resideInAPackage("org.baomi.core.device.compliance..")
            .because("the model describes what the ledger and the terminals know; rules come and go around it");

    @ArchTest
    static final ArchRule rulesHaveNoState = classes().that().implement(
                    org.baomi.core.device.compliance.ComplianceRule.class)
            .should().haveOnlyFinalFields()
            .because("one engine is shared by every request and every terminal report; a rule must not remember"
                    + " one unit's facts into the next check");
}
