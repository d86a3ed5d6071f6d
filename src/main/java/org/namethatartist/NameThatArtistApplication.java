package org.namethatartist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: {@code java -jar target/name-that-artist.jar} from the repository root. */
// The data source and Flyway are built by the postgres backend's own configuration, only when it is
// chosen; the default append-log backend starts without any database. Its health is the 'storage'
// contributor, so Boot's 'db' one, which would query the same database again, is excluded too.
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration" })
@ConfigurationPropertiesScan
@EnableScheduling
public class NameThatArtistApplication {

	public static void main(String[] args) {
		SpringApplication.run(NameThatArtistApplication.class, args);
	}

}
