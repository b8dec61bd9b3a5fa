package dev.nexios.spring.autoconfigure;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when {@code spring.security.filter.dispatcher-types} leaves a dispatch type out:
 * a forward, include, error or async dispatch to a secured handler would then reach it unchecked.
 */
final class DispatcherTypesCheck {

	static final String PROPERTY = "spring.security.filter.dispatcher-types";

	private DispatcherTypesCheck() {
	}

	static void check(Environment environment) {
		Set<DispatcherType> types = Binder.get(environment)
			.bind(PROPERTY, Bindable.setOf(DispatcherType.class))
			.orElse(EnumSet.allOf(DispatcherType.class));
		Set<String> missing = new TreeSet<>();
		for (DispatcherType type : DispatcherType.values()) {
			if (!types.contains(type)) {
				missing.add(type.name());
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(PROPERTY + " leaves out " + String.join(", ", missing)
					+ ": the Nexios security decides every dispatch of a request (a forward, include, error page "
					+ "or async dispatch may reach another handler); remove the property or list every type");
		}
	}

}
