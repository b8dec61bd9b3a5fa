package dev.nexios.spring.autoconfigure;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.method.HandlerMethod;

/**
 * Logs, under {@code nexios.security.public-by-default}, one warning that lists every public operation,
 * so that an operation left open by omission is seen at startup.
 */
final class PublicOperationsReport {

	private static final Log logger = LogFactory.getLog(PublicOperationsReport.class);

	private PublicOperationsReport() {
	}

	static void log(NexiosSecurityModel model, Map<HandlerMethod, ? extends Collection<String>> handlerMethods) {
		if (!model.isPublicByDefault() || !logger.isWarnEnabled()) {
			return;
		}
		Set<String> undeclared = new TreeSet<>();
		Set<String> declared = new TreeSet<>();
		handlerMethods.forEach((handlerMethod, operations) -> {
			OperationSecurity security = model.operation(handlerMethod);
			if (security != null && security.isPublic()) {
				String handler = handlerMethod.getBeanType().getSimpleName() + "#" + handlerMethod.getMethod().getName();
				operations.forEach((operation) -> ((security.origin() == OperationSecurity.Origin.DEFAULT) ? undeclared
						: declared).add(operation + " (" + handler + ")"));
			}
		});
		logger.warn("nexios.security.public-by-default=true: " + undeclared.size() + " operation(s) without "
				+ "@NexiosSecured are public, and so are functional endpoints: "
				+ (undeclared.isEmpty() ? "none" : String.join(", ", undeclared)) + ". Declared public with "
				+ "@NexiosPublic: " + (declared.isEmpty() ? "none" : String.join(", ", declared)));
	}

}
