package org.namethatartist;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows of DESIGN.md's module table pointing one way. */
@AnalyzeClasses(packages = "org.namethatartist", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTests {

	@ArchTest
	static final ArchRule gameKnowsNoDiscordJsonDatabaseOrStorage = noClasses().that()
		.resideInAPackage("org.namethatartist.game..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("net.dv8tion..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
				"org.namethatartist.storage..")
		.because("the game is rules and time only; adapters and stores plug into its ports");

	@ArchTest
	static final ArchRule theEngineKnowsNoSpringAndNoDomain = noClasses().that()
		.resideInAPackage("org.namethatartist.storage.log..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.namethatartist.player..", "org.namethatartist.game..",
				"org.namethatartist.artwork..")
		.because("the append-log engine is a library: records in, records out");

	@ArchTest
	static final ArchRule playersUseOnlyTheRootPackage = leafModule("player");

	@ArchTest
	static final ArchRule artworkUsesOnlyTheRootPackage = leafModule("artwork");

	@ArchTest
	static final ArchRule nobodyDependsOnDiscord = noClasses().that()
		.resideOutsideOfPackage("org.namethatartist.discord..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.namethatartist.discord..")
		.allowEmptyShould(true)
		.because("Discord is an adapter at the edge");

	@ArchTest
	static final ArchRule nobodyDependsOnWeb = noClasses().that()
		.resideOutsideOfPackage("org.namethatartist.web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.namethatartist.web..")
		.allowEmptyShould(true)
		.because("the web layer is an adapter at the edge");

	@ArchTest
	static final ArchRule postgresUsesTheAppendLogOnlyToImportIt = noClasses().that()
		.resideInAPackage("org.namethatartist.storage.postgres..")
		.and()
		.doNotHaveSimpleName("PostgresImport")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.namethatartist.storage.appendlog..", "org.namethatartist.storage.log..")
		.because("the backends share only what lives in storage (the saved game's JSON shape); only the import "
				+ "of an append-log directory reads the other backend");

	@ArchTest
	static final ArchRule adaptersAtTheEdgeReachStorageOnlyThroughPorts = noClasses().that()
		.resideInAnyPackage("org.namethatartist.web..", "org.namethatartist.discord..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.namethatartist.storage.appendlog..", "org.namethatartist.storage.postgres..",
				"org.namethatartist.storage.log..")
		.because("web and discord use the domain's ports, whatever the backend");

	@ArchTest
	static final ArchRule operationsReachStorageOnlyThroughItsPort = noClasses().that()
		.resideInAPackage("org.namethatartist.ops..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.namethatartist.storage.appendlog..", "org.namethatartist.storage.postgres..",
				"org.namethatartist.storage.log..")
		.because("the storage endpoint asks the running backend through StorageOperations, never branching on "
				+ "which one it is");

	/** A leaf module may use itself, the root package's shared types and libraries, nothing else of ours. */
	private static ArchRule leafModule(String module) {
		String own = "org.namethatartist." + module + "..";
		DescribedPredicate<JavaClass> otherApplicationPackages = resideInAPackage("org.namethatartist..")
			.and(not(resideInAPackage("org.namethatartist")))
			.and(not(resideInAPackage(own)))
			.as("application classes outside the root package and " + module);
		return noClasses().that()
			.resideInAPackage(own)
			.should()
			.dependOnClassesThat(otherApplicationPackages)
			.because(module + " is a leaf module: it may use only the root package's shared types");
	}

}
