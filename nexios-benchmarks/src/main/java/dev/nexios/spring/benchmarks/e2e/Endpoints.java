package dev.nexios.spring.benchmarks.e2e;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * The endpoints of the end-to-end benchmark application and their {@code @RestController} classes,
 * generated at startup (bytecode, no source) for the number of endpoints asked for, the same for every
 * variant. Endpoint {@code i} is {@code GET} and of kind {@code i % 6}:
 * <ol start="0">
 * <li>{@code /public/r{i}}, {@code @NexiosPublic}</li>
 * <li>{@code /jwt/r{i}}, {@code @NexiosSecured("bearerAuth")}</li>
 * <li>{@code /apikey/r{i}}, {@code @NexiosSecured("apiKeyAuth")}</li>
 * <li>{@code /public/items{i}/{id}}, {@code @NexiosPublic}</li>
 * <li>{@code /jwt/items{i}/{id}}, {@code @NexiosSecured("bearerAuth")}</li>
 * <li>{@code /apikey/items{i}/{id}}, {@code @NexiosSecured("apiKeyAuth")}</li>
 * </ol>
 * Half the endpoints are literal paths (Spring MVC finds them in a map) and half are patterns (a request
 * to one makes Spring MVC try the pattern of every mapping): 2,500 patterns at 5,000 endpoints. The
 * driver ({@code e2e/run.sh}) loads endpoints {@code b}, {@code b + 1}, {@code b + 2} and {@code b + 4},
 * with {@code b = (count / 2) / 6 * 6}: the middle of the list.
 */
final class Endpoints {

	static final String BEARER_SCHEME = "bearerAuth";

	static final String API_KEY_SCHEME = "apiKeyAuth";

	private static final int METHODS_PER_CONTROLLER = 10;

	private Endpoints() {
	}

	/**
	 * What an endpoint requires.
	 */
	enum Access {

		/** No credentials. */
		PUBLIC("public"),
		/** A valid RS256 bearer token. */
		BEARER("jwt"),
		/** A valid API key in the {@code X-API-KEY} header. */
		API_KEY("apikey");

		private final String segment;

		Access(String segment) {
			this.segment = segment;
		}

		/**
		 * The first path segment of the endpoints with this access.
		 * @return the segment, without slash
		 */
		String segment() {
			return this.segment;
		}

	}

	/**
	 * One endpoint.
	 * @param index its index
	 * @param path its path, a pattern with {@code {id}} for a path variable
	 * @param variable whether the path has a path variable
	 * @param access what it requires
	 */
	record Endpoint(int index, String path, boolean variable, Access access) {
	}

	/**
	 * The endpoints of an application with {@code count} endpoints.
	 * @param count the number of endpoints
	 * @return the endpoints, by index
	 */
	static List<Endpoint> layout(int count) {
		List<Endpoint> endpoints = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean variable = i % 6 >= 3;
			Access access = Access.values()[i % 3];
			String path = "/" + access.segment() + (variable ? "/items" + i + "/{id}" : "/r" + i);
			endpoints.add(new Endpoint(i, path, variable, access));
		}
		return List.copyOf(endpoints);
	}

	/**
	 * Defines the controller classes of these endpoints, {@value #METHODS_PER_CONTROLLER} handler methods
	 * per class.
	 * @param endpoints the endpoints
	 * @return the controller classes
	 */
	static List<Class<?>> controllers(List<Endpoint> endpoints) {
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		List<Class<?>> controllers = new ArrayList<>();
		for (int from = 0; from < endpoints.size(); from += METHODS_PER_CONTROLLER) {
			String name = Endpoints.class.getPackageName() + ".GeneratedController" + (from / METHODS_PER_CONTROLLER);
			byte[] bytes = controller(name, endpoints.subList(from, Math.min(endpoints.size(), from + METHODS_PER_CONTROLLER)));
			try {
				controllers.add(lookup.defineClass(bytes));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return List.copyOf(controllers);
	}

	private static byte[] controller(String name, List<Endpoint> endpoints) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name.replace('.', '/'), null,
				"java/lang/Object", null);
		writer.visitAnnotation("Lorg/springframework/web/bind/annotation/RestController;", true).visitEnd();
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(0, 0);
		constructor.visitEnd();
		for (Endpoint endpoint : endpoints) {
			MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "endpoint" + endpoint.index(),
					endpoint.variable() ? "(Ljava/lang/String;)Ljava/lang/String;" : "()Ljava/lang/String;", null,
					null);
			AnnotationVisitor mapping = method.visitAnnotation("Lorg/springframework/web/bind/annotation/GetMapping;",
					true);
			AnnotationVisitor paths = mapping.visitArray("value");
			paths.visit(null, endpoint.path());
			paths.visitEnd();
			mapping.visitEnd();
			if (endpoint.access() == Access.PUBLIC) {
				method.visitAnnotation("Ldev/nexios/spring/annotation/NexiosPublic;", true).visitEnd();
			}
			else {
				AnnotationVisitor secured = method.visitAnnotation("Ldev/nexios/spring/annotation/NexiosSecured;", true);
				AnnotationVisitor schemes = secured.visitArray("value");
				schemes.visit(null, (endpoint.access() == Access.BEARER) ? BEARER_SCHEME : API_KEY_SCHEME);
				schemes.visitEnd();
				secured.visitEnd();
			}
			if (endpoint.variable()) {
				AnnotationVisitor pathVariable = method.visitParameterAnnotation(0,
						"Lorg/springframework/web/bind/annotation/PathVariable;", true);
				pathVariable.visit("value", "id");
				pathVariable.visitEnd();
			}
			method.visitCode();
			if (endpoint.variable()) {
				method.visitVarInsn(Opcodes.ALOAD, 1);
			}
			else {
				method.visitLdcInsn("r" + endpoint.index());
			}
			method.visitInsn(Opcodes.ARETURN);
			method.visitMaxs(0, 0);
			method.visitEnd();
		}
		writer.visitEnd();
		return writer.toByteArray();
	}

}
