package org.namethatartist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: {@code java -jar target/name-that-artist.jar} from the repository root. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NameThatArtistApplication {

	public static void main(String[] args) {
		SpringApplication.run(NameThatArtistApplication.class, args);
	}

}
