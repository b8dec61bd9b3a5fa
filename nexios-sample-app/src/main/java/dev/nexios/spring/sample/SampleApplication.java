package dev.nexios.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application: the Nexios "OpenAPI Authentication" guide, declared once in
 * {@code application.yml} and with {@code @NexiosSecured}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
