package dev.nexios.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering that the package layout promises: one model, two adapters that only read it, and
 * auto-configuration that only wires.
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.nexios.spring");
	}

	@Test
	void annotationsDependOnNothingOfTheStarter() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.annotation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.model..", "dev.nexios.spring.openapi..", "dev.nexios.spring.web..",
					"dev.nexios.spring.autoconfigure..")
			.check(classes);
	}

	@Test
	void modelKnowsNeitherAdapterNorWiring() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.openapi..", "dev.nexios.spring.web..",
					"dev.nexios.spring.autoconfigure..", "org.springdoc..", "org.springframework.security..",
					"jakarta.servlet..")
			.check(classes);
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.openapi..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.nexios.spring.web..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.openapi..", "org.springdoc..")
			.check(classes);
	}

	@Test
	void adaptersDoNotReadTheAnnotationsThemselves() {
		noClasses().that()
			.resideInAnyPackage("dev.nexios.spring.openapi..", "dev.nexios.spring.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.nexios.spring.annotation..")
			.because("the requirements of an operation are resolved once, into the model")
			.check(classes);
	}

	@Test
	void theKeyStoreIsAPluginOfTheEnforcementNotPartOfIt() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.nexios.spring.apikey..")
			.because("the web adapter asks stores through the ApiKeyAuthenticator SPI only")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.apikey..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.autoconfigure..", "dev.nexios.spring.openapi..", "org.springdoc..",
					"jakarta.servlet..")
			.check(classes);
	}

	@Test
	void coreIsStackNeutral() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.web..", "dev.nexios.spring.openapi..",
					"dev.nexios.spring.autoconfigure..", "dev.nexios.spring.annotation..", "org.springdoc..",
					"io.swagger..", "jakarta.servlet..", "org.springframework.web.servlet..",
					"org.springframework.web.reactive..", "org.springframework.web.server..",
					"org.springframework.http.server..", "reactor..", "org.reactivestreams..")
			.because("both stacks' adapters read one model and one evaluation")
			.check(classes);
	}

	@Test
	void stackAdaptersDoNotKnowEachOther() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.web.servlet..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.web.reactive..", "org.springframework.web.reactive..",
					"org.springframework.web.server..", "reactor..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.web.reactive..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.web.servlet..", "org.springframework.web.servlet..",
					"jakarta.servlet..")
			.check(classes);
	}

	@Test
	void theSecurityMatrixIsPlainDataOfNeitherStack() {
		noClasses().that()
			.resideInAPackage("dev.nexios.spring.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nexios.spring.web..", "dev.nexios.spring.openapi..",
					"dev.nexios.spring.autoconfigure..", "dev.nexios.spring.annotation..", "org.springdoc..",
					"jakarta.servlet..", "org.springframework.web..", "reactor..")
			.because("the endpoint serves what autoconfigure computed from the model, the same on both stacks")
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("dev.nexios.spring.(*)..").should().beFreeOfCycles().check(classes);
	}

}
