package org.baomi.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.baomi.server.security.Public;
import org.baomi.server.security.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.baomi.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule everyHandlerStatesItsPermission = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .and().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
            .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(DeleteMapping.class)
            .or().areAnnotatedWith(PatchMapping.class).or().areAnnotatedWith(RequestMapping.class)
            .should().beAnnotatedWith(Requires.class).orShould().beAnnotatedWith(Public.class)
            .because("security is the product: a handler without a stated permission would be open to every"
                    + " signed-in account, whatever his role");

    @ArchTest
    static final ArchRule datesAndTimesAreChinas = noClasses()
            .should().callMethod(java.time.ZoneId.class, "systemDefault")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .because("a deadline, a year's end or a time on a page is China's (org.baomi.core.ChinaTime), not the"
                    + " zone the server's machine happens to be set to");

    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .because("writes go through services that audit them in the same transaction");

    @ArchTest
    static final ArchRule nothingCallsBackIntoTheCli = noClasses()
            .that().resideOutsideOfPackage("org.baomi.server")
            .should().dependOnClassesThat().haveFullyQualifiedName(BaomiCli.class.getName())
            .because("the CLI is an entry point; features must not depend on how they were started");
}
