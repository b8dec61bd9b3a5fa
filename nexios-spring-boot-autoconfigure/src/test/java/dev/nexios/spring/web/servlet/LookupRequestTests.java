package dev.nexios.spring.web.servlet;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.RequestPath;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request that the handler mappings see during the filter's lookup: the method and the parsed path
 * read once while it looks, every write passed to the request, and everything read through once the
 * lookup is done.
 */
class LookupRequestTests {

	private static final String PATH = ServletRequestPathUtils.PATH_ATTRIBUTE;

	@Test
	void whileLookingTheMethodAndTheParsedPathAreReadOnceAndOtherAttributesThroughTheRequest() {
		CountingRequest request = new CountingRequest("GET", "/items/42");
		RequestPath path = ServletRequestPathUtils.parseAndCache(request);
		request.setAttribute("other", "value");
		request.reset();
		DispatchHandlerResolver.LookupRequest lookup = new DispatchHandlerResolver.LookupRequest(request, path);
		for (int i = 0; i < 2_500; i++) {
			assertThat(lookup.getMethod()).isEqualTo("GET");
			assertThat(lookup.getAttribute(PATH)).isSameAs(path);
			assertThat(lookup.getAttribute("other")).isEqualTo("value");
		}
		assertThat(request.methodReads).isEqualTo(1);
		assertThat(request.pathReads).isZero();
		assertThat(request.otherReads).isEqualTo(2_500);
	}

	@Test
	void writesGoToTheRequestAndAWrittenPathIsTheOneReadAfterwards() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items/42");
		RequestPath path = ServletRequestPathUtils.parseAndCache(request);
		DispatchHandlerResolver.LookupRequest lookup = new DispatchHandlerResolver.LookupRequest(request, path);
		lookup.setAttribute("pattern", "/items/{id}");
		assertThat(request.getAttribute("pattern")).isEqualTo("/items/{id}");
		RequestPath other = RequestPath.parse("/other", null);
		lookup.setAttribute(PATH, other);
		assertThat(request.getAttribute(PATH)).isSameAs(other);
		assertThat(lookup.getAttribute(PATH)).isSameAs(other);
		lookup.removeAttribute(PATH);
		assertThat(request.getAttribute(PATH)).isNull();
		assertThat(lookup.getAttribute(PATH)).isNull();
	}

	@Test
	void afterTheLookupTheMethodAndThePathAreReadFromTheRequestAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items/42");
		RequestPath path = ServletRequestPathUtils.parseAndCache(request);
		DispatchHandlerResolver.LookupRequest lookup = new DispatchHandlerResolver.LookupRequest(request, path);
		lookup.done();
		// e.g. a functional endpoint's ServerRequest, kept from the lookup, read in a later dispatch
		request.setMethod("POST");
		RequestPath forwarded = ServletRequestPathUtils.parseAndCache(new MockHttpServletRequest("GET", "/forwarded"));
		request.setAttribute(PATH, forwarded);
		assertThat(lookup.getMethod()).isEqualTo("POST");
		assertThat(lookup.getAttribute(PATH)).isSameAs(forwarded);
	}

	/**
	 * Counts what the wrapper reads from it.
	 */
	static final class CountingRequest extends MockHttpServletRequest {

		int methodReads;

		int pathReads;

		int otherReads;

		CountingRequest(String method, String uri) {
			super(method, uri);
		}

		void reset() {
			this.methodReads = 0;
			this.pathReads = 0;
			this.otherReads = 0;
		}

		@Override
		public String getMethod() {
			this.methodReads++;
			return super.getMethod();
		}

		@Override
		public Object getAttribute(String name) {
			if (PATH.equals(name)) {
				this.pathReads++;
			}
			else {
				this.otherReads++;
			}
			return super.getAttribute(name);
		}

	}

}
