package dev.nexios.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.nexios.spring.web.servlet.NexiosSecurityFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The per-request cost of the Nexios decision, side by side with Spring MVC's own handler lookup, for
 * an application with 5 and with 5,000 endpoints, all started with the starter's auto-configuration.
 * The endpoints' paths either have a path variable ({@code GET /items{i}/{id}/detail}: Spring MVC tries
 * every pattern) or are literal ({@code GET /items{i}/detail}: Spring MVC finds them in a map); see
 * {@link GeneratedControllers}.
 * <ul>
 * <li>{@code handlerLookup} (baseline): what the {@code DispatcherServlet} does to find the handler
 * &mdash; parse the request path, then ask its handler mappings in order;</li>
 * <li>{@code nexiosDecisionPublic}: {@link NexiosSecurityFilter#doFilter} on a public operation;</li>
 * <li>{@code nexiosDecisionSecured}: the same on an operation that requires an API key, sent valid in
 * its header (the cheapest credential to check: one SHA-256 digest).</li>
 * </ul>
 * The requested endpoints are in the middle of the list. The filter chain after the Nexios filter does
 * nothing but clear the security context, as Spring Security's {@code SecurityContextHolderFilter} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecurityDecisionBenchmark {

	static final String API_KEY_SCHEME = "apiKeyAuth";

	static final String API_KEY_HEADER = "X-API-KEY";

	private static final String API_KEY = "benchmark-api-key";

	@Param({ "5", "5000" })
	public int endpoints;

	/**
	 * {@code variable} for paths with a path variable, {@code literal} for paths without.
	 */
	@Param({ "variable", "literal" })
	public String paths;

	private boolean variable;

	private ConfigurableApplicationContext context;

	private List<HandlerMapping> handlerMappings;

	private NexiosSecurityFilter filter;

	private MockHttpServletRequest lookupRequest;

	private MockHttpServletRequest publicRequest;

	private MockHttpServletRequest securedRequest;

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private long passed;

	private final FilterChain chain = (request, response) -> {
		this.passed++;
		SecurityContextHolder.clearContext();
	};

	@Setup
	public void setUp() throws Exception {
		this.variable = switch (this.paths) {
			case "variable" -> true;
			case "literal" -> false;
			default -> throw new IllegalArgumentException("paths: variable or literal, not " + this.paths);
		};
		MockServletContext servletContext = new MockServletContext();
		this.context = BenchmarkApplication.start(servletContext,
				GeneratedControllers.forEndpoints(this.endpoints, this.variable),
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--nexios.security.schemes." + API_KEY_SCHEME + ".type=apiKey",
				"--nexios.security.schemes." + API_KEY_SCHEME + ".in=header",
				"--nexios.security.schemes." + API_KEY_SCHEME + ".name=" + API_KEY_HEADER,
				"--nexios.security.schemes." + API_KEY_SCHEME + ".keys[0].principal=benchmark-client",
				"--nexios.security.schemes." + API_KEY_SCHEME + ".keys[0].sha256=" + sha256Hex(API_KEY));
		DispatcherServlet dispatcherServlet = this.context.getBean(DispatcherServlet.class);
		dispatcherServlet.init(new MockServletConfig(servletContext, "dispatcherServlet"));
		this.handlerMappings = dispatcherServlet.getHandlerMappings();
		this.filter = this.context.getBean("nexiosSecurityFilterChain", SecurityFilterChain.class)
			.getFilters()
			.stream()
			.filter(NexiosSecurityFilter.class::isInstance)
			.map(NexiosSecurityFilter.class::cast)
			.findFirst()
			.orElseThrow();
		int securedEndpoint = this.endpoints / 2 - (this.endpoints / 2) % 2;
		int publicEndpoint = securedEndpoint + 1;
		this.lookupRequest = request(securedEndpoint, true);
		this.publicRequest = request(publicEndpoint, false);
		this.securedRequest = request(securedEndpoint, true);
		check(securedEndpoint, publicEndpoint);
	}

	@TearDown
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public Object handlerLookup() throws Exception {
		return handler(this.lookupRequest);
	}

	@Benchmark
	public long nexiosDecisionPublic() throws Exception {
		this.filter.doFilter(this.publicRequest, this.response, this.chain);
		return this.passed;
	}

	@Benchmark
	public long nexiosDecisionSecured() throws Exception {
		this.filter.doFilter(this.securedRequest, this.response, this.chain);
		return this.passed;
	}

	/**
	 * The handler as the {@code DispatcherServlet} finds it ({@code doService}, then {@code getHandler}).
	 */
	private HandlerExecutionChain handler(HttpServletRequest request) throws Exception {
		ServletRequestPathUtils.parseAndCache(request);
		for (HandlerMapping mapping : this.handlerMappings) {
			HandlerExecutionChain handler = mapping.getHandler(request);
			if (handler != null) {
				return handler;
			}
		}
		return null;
	}

	/**
	 * Fails the setup unless every benchmark measures what it claims: the baseline finds the generated
	 * handler method, the chain lets both requests through, and it does refuse the secured operation
	 * without a key (the filter decides; Spring Security's {@code AuthorizationFilter} refuses).
	 */
	private void check(int securedEndpoint, int publicEndpoint) throws Exception {
		HandlerExecutionChain handler = handler(request(securedEndpoint, true));
		if (handler == null || !(handler.getHandler() instanceof HandlerMethod method)
				|| !method.getMethod().getName().equals("detail" + securedEndpoint)) {
			throw new IllegalStateException("The handler lookup found " + handler + " for endpoint " + securedEndpoint);
		}
		expect(request(publicEndpoint, false), 200, true);
		expect(request(securedEndpoint, true), 200, true);
		expect(request(securedEndpoint, false), 401, false);
	}

	private void expect(MockHttpServletRequest request, int status, boolean passes) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		long before = this.passed;
		// the whole chain: the filter decides, Spring Security's AuthorizationFilter refuses
		this.context.getBean("springSecurityFilterChain", jakarta.servlet.Filter.class)
			.doFilter(request, response, this.chain);
		if (response.getStatus() != status || (this.passed > before) != passes) {
			throw new ServletException("Expected " + status + " for " + request.getRequestURI() + ", got "
					+ response.getStatus() + " " + response.getContentAsString());
		}
	}

	private MockHttpServletRequest request(int endpoint, boolean withApiKey) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				GeneratedControllers.path(endpoint, this.variable ? "42" : null));
		if (withApiKey) {
			request.addHeader(API_KEY_HEADER, API_KEY);
		}
		return request;
	}

	private static String sha256Hex(String value) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
	}

}
