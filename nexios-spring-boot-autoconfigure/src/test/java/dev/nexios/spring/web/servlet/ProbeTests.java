package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@EnforcementTest
class ProbeTests {

	@Autowired
	MockMvc mvc;

	@Test
	void doc() throws Exception {
		String doc = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		System.out.println("DOC " + doc);
	}

}
