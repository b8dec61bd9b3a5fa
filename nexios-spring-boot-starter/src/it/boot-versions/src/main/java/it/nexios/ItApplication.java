package it.nexios;

import dev.nexios.spring.annotation.NexiosSecured;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
public class ItApplication {

	public static void main(String[] args) {
		SpringApplication.run(ItApplication.class, args);
	}

	@RestController
	static class OrderController {

		@GetMapping("/orders")
		@NexiosSecured("apiKeyAuth")
		String orders() {
			return "orders";
		}

	}

}
