package dev.nexios.spring.web.servlet;

import dev.nexios.spring.annotation.NexiosPublic;
import dev.nexios.spring.annotation.NexiosSecured;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springdoc.core.annotations.RouterOperation;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Controllers whose handler methods are shared by two controllers or proxied, for
 * {@link HandlerSelectionTests}.
 */
final class HandlerSelectionControllers {

	private HandlerSelectionControllers() {
	}

	/**
	 * A handler method inherited, unchanged, by two controllers.
	 */
	abstract static class ItemsController {

		@GetMapping("/list")
		String list() {
			return "list of " + getClass().getSimpleName();
		}

	}

	@NexiosSecured("bearerAuth")
	@RestController
	@RequestMapping("/inherited/secured")
	static class SecuredItemsController extends ItemsController {

	}

	@NexiosPublic
	@RestController
	@RequestMapping("/inherited/public")
	static class PublicItemsController extends ItemsController {

	}

	/**
	 * A generic handler method, bridged in each controller.
	 */
	abstract static class CrudController<T> {

		@PostMapping(path = "/create", consumes = MediaType.APPLICATION_JSON_VALUE)
		String create(@RequestBody T body) {
			return "created by " + getClass().getSimpleName();
		}

	}

	@RestController
	@RequestMapping("/generic/public")
	@NexiosPublic
	static class PublicCrudController extends CrudController<String> {

	}

	@RestController
	@RequestMapping("/generic/secured")
	@NexiosSecured("bearerAuth")
	static class SecuredCrudController extends CrudController<String> {

	}

	@NexiosSecured("bearerAuth")
	@RestController
	static class ProxiedController {

		@GetMapping("/proxied")
		String proxied() {
			return "proxied";
		}

	}

	/**
	 * A secured base class whose subclass is public.
	 */
	@NexiosSecured("bearerAuth")
	abstract static class SecuredBaseController {

		@GetMapping("/status")
		String status() {
			return "status";
		}

	}

	@NexiosPublic
	@RestController
	@RequestMapping("/overrides/class")
	static class PublicSubController extends SecuredBaseController {

	}

	/**
	 * A secured handler method, overridden as public.
	 */
	abstract static class SecuredMethodController {

		@NexiosSecured("bearerAuth")
		@GetMapping("/status")
		String status() {
			return "secured status";
		}

	}

	@RestController
	@RequestMapping("/overrides/method")
	static class PublicOverrideController extends SecuredMethodController {

		@NexiosPublic
		@Override
		String status() {
			return "public status";
		}

	}

	/**
	 * A public handler that forwards to a secured one.
	 */
	@RestController
	static class ForwardingController {

		@NexiosPublic
		@GetMapping("/forward-to-single")
		void forward(HttpServletRequest request, HttpServletResponse response) throws Exception {
			request.getRequestDispatcher("/single").forward(request, response);
		}

	}

	@NexiosSecured("bearerAuth")
	@RestController
	static class OrderedController {

		@GetMapping("/ordered")
		String ordered() {
			return "ordered";
		}

	}

	/**
	 * A handler mapping for the same path whose {@code @Order} on the factory method is not its order:
	 * the {@code DispatcherServlet} sorts mappings by {@code getOrder()} and asks it last.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OrderedMapping {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SimpleUrlHandlerMapping orderedFallbackMapping() {
			HttpRequestHandler fallback = (request, response) -> response.getWriter().write("fallback");
			return new SimpleUrlHandlerMapping(Map.of("/ordered", fallback));
		}

	}

	/**
	 * A functional endpoint, documented with springdoc's {@code @RouterOperation}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class FunctionalEndpoint {

		@Bean
		@RouterOperation(path = "/functional", method = RequestMethod.GET,
				operation = @Operation(operationId = "functional"))
		RouterFunction<ServerResponse> functionalRoute() {
			return RouterFunctions.route()
				.GET("/functional", (request) -> ServerResponse.ok().body("functional"))
				// reads what the filter's lookup kept in the ServerRequest: method, path, path variables
				.GET("/functional/{id}", (request) -> ServerResponse.ok()
					.body(request.method().name() + " " + request.path() + " " + request.pathVariable("id")))
				.build();
		}

	}

	/**
	 * A controller whose handler method is registered after startup, as a plugin would.
	 */
	static class LateController {

		@ResponseBody
		String late() {
			return "late";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LateRegistration {

		@Bean
		SmartInitializingSingleton lateMapping(
				@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
			return () -> mapping.registerMapping(
					RequestMappingInfo.paths("/late").methods(RequestMethod.GET).options(mapping.getBuilderConfiguration()).build(),
					new LateController(), ReflectionUtils.findMethod(LateController.class, "late"));
		}

	}

	/**
	 * Proxies {@link ProxiedController} with CGLIB, as an aspect or {@code @Validated} would.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Proxying {

		@Bean
		static BeanPostProcessor proxyingPostProcessor() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof ProxiedController)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(true);
					factory.addAdvice((MethodInterceptor) (invocation) -> invocation.proceed());
					return factory.getProxy();
				}

			};
		}

	}

}
