package dev.nexios.spring.web.servlet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;


import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;

/**
 * The shared setup of the enforcement tests: the {@link EnforcementTestApplication} configured by
 * {@code enforcement.yml} and MockMvc through the real filter chain ({@link NoSecretsInLogs} checks the
 * output of every test class). Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EnforcementTestApplication.class, properties = "spring.config.name=enforcement")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@interface EnforcementTest {

}
