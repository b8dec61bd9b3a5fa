package dev.nexios.spring.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.nexios.spring.model.NexiosSecurityModel;
import dev.nexios.spring.model.OperationSecurity;
import dev.nexios.spring.model.SecurityRequirement;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.web.method.HandlerMethod;

import org.jspecify.annotations.Nullable;

/**
 * Writes the effective security of each operation into every springdoc document (every group), from
 * the {@link NexiosSecurityModel} entry of the handler method springdoc documents:
 * <ul>
 * <li>declared on the method or class: {@code security} lists the requirement alternatives (OpenAPI
 * 3.1 §4.8.10, §4.8.30); {@code security: []} for a public operation; the empty requirement {@code {}}
 * among them when authentication is optional;</li>
 * <li>from {@code nexios.security.default-requirements}: no operation-level {@code security}, so the
 * root-level one applies;</li>
 * <li>when the operation is secured and error responses are enabled: a {@code 401} response, and a
 * {@code 403} response when an alternative requires scopes, each with an {@code application/problem+json}
 * body (RFC 9457), unless the application documented that status code itself.</li>
 * </ul>
 * Operations that the model does not know (e.g. springdoc's own) are left unchanged.
 */
public class NexiosOperationCustomizer implements GlobalOperationCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	private final NexiosSecurityModel model;

	private final boolean errorResponses;

	private final Function<HandlerMethod, @Nullable OperationSecurity> otherHandlers;

	/**
	 * Creates the customizer.
	 * @param model the resolved security declaration
	 * @param errorResponses whether to document 401 and 403 responses of secured operations
	 */
	public NexiosOperationCustomizer(NexiosSecurityModel model, boolean errorResponses) {
		this(model, errorResponses, (handlerMethod) -> null);
	}

	/**
	 * Creates the customizer, also for documented handlers that are not operations of the model.
	 * @param model the resolved security declaration
	 * @param errorResponses whether to document 401 and 403 responses of secured operations
	 * @param otherHandlers the security of a documented handler method that the model does not hold as
	 * an operation (e.g. an actuator endpoint's, read from {@link NexiosSecurityModel#actuator()}), or
	 * {@code null} to leave it unchanged
	 */
	public NexiosOperationCustomizer(NexiosSecurityModel model, boolean errorResponses,
			Function<HandlerMethod, @Nullable OperationSecurity> otherHandlers) {
		this.model = model;
		this.errorResponses = errorResponses;
		this.otherHandlers = otherHandlers;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		OperationSecurity security = this.model.operation(handlerMethod);
		if (security == null) {
			security = this.otherHandlers.apply(handlerMethod);
		}
		if (security == null) {
			return operation;
		}
		boolean fromDefault = security.origin() == OperationSecurity.Origin.DEFAULT;
		operation.setSecurity(fromDefault ? null : toOpenApi(security.requirements()));
		if (this.errorResponses && !security.isPublic()) {
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			operation.setResponses(responses);
			addIfAbsent(responses, "401", "Unauthorized: the credentials are missing or invalid");
			if (security.requiresScopes()) {
				addIfAbsent(responses, "403", "Forbidden: the credentials lack a required scope");
			}
		}
		return operation;
	}

	private static void addIfAbsent(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref(NexiosOpenApiCustomizer.PROBLEM_DETAIL_REF)))));
		}
	}

	/**
	 * Converts requirement alternatives to swagger-core objects; the anonymous requirement becomes
	 * {@code {}}.
	 * @param requirements the alternatives
	 * @return a new, mutable list; empty for none
	 */
	static List<io.swagger.v3.oas.models.security.SecurityRequirement> toOpenApi(List<SecurityRequirement> requirements) {
		return new ArrayList<>(requirements.stream().map((requirement) -> {
			io.swagger.v3.oas.models.security.SecurityRequirement result = new io.swagger.v3.oas.models.security.SecurityRequirement();
			requirement.schemes().forEach((name, scopes) -> result.addList(name, List.copyOf(scopes)));
			return result;
		}).toList());
	}

}
