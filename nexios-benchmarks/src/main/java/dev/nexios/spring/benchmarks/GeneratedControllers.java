package dev.nexios.spring.benchmarks;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Generates {@code @RestController} classes with a given number of distinct handler methods, as an
 * application with that many endpoints has: endpoint {@code i} is
 * {@code @GetMapping("/items{i}/{id}/detail") String detail{i}(@PathVariable("id") String id)} (a
 * pattern, which Spring MVC matches by trying every pattern) or {@code @GetMapping("/items{i}/detail")
 * String detail{i}()} (a literal path, which Spring MVC finds in a map), under
 * {@code @NexiosSecured("apiKeyAuth")} when {@code i} is even and {@code @NexiosPublic} when it is odd,
 * {@value #METHODS_PER_CONTROLLER} endpoints per controller. Every endpoint is a distinct
 * {@code (controller class, method)} pair, so the security model holds one operation per endpoint.
 */
final class GeneratedControllers {

	static final int METHODS_PER_CONTROLLER = 10;

	private static final Map<String, List<Class<?>>> generated = new ConcurrentHashMap<>();

	private GeneratedControllers() {
	}

	/**
	 * The controller classes for an application with {@code endpoints} endpoints, defined once per JVM.
	 * @param endpoints the number of endpoints
	 * @param variable whether the paths have a path variable
	 * @return the controller classes
	 */
	static List<Class<?>> forEndpoints(int endpoints, boolean variable) {
		return generated.computeIfAbsent(endpoints + (variable ? "Variable" : "Literal"),
				(name) -> generate(name, endpoints, variable));
	}

	/**
	 * The path of an endpoint.
	 * @param endpoint the endpoint's index
	 * @param id the value of the path variable ({@code {id}} for the pattern), or {@code null} for the
	 * literal path
	 */
	static String path(int endpoint, String id) {
		return "/items" + endpoint + ((id != null) ? "/" + id : "") + "/detail";
	}

	static boolean isSecured(int endpoint) {
		return endpoint % 2 == 0;
	}

	private static List<Class<?>> generate(String prefix, int endpoints, boolean variable) {
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		List<Class<?>> controllers = new ArrayList<>();
		for (int from = 0; from < endpoints; from += METHODS_PER_CONTROLLER) {
			String name = GeneratedControllers.class.getPackageName() + ".Generated" + prefix + "ItemsController"
					+ (from / METHODS_PER_CONTROLLER);
			byte[] bytes = controller(name, from, Math.min(endpoints, from + METHODS_PER_CONTROLLER), variable);
			try {
				controllers.add(lookup.defineClass(bytes));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return List.copyOf(controllers);
	}

	private static byte[] controller(String name, int from, int to, boolean variable) {
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
		for (int i = from; i < to; i++) {
			MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "detail" + i,
					variable ? "(Ljava/lang/String;)Ljava/lang/String;" : "()Ljava/lang/String;", null, null);
			AnnotationVisitor mapping = method.visitAnnotation("Lorg/springframework/web/bind/annotation/GetMapping;",
					true);
			AnnotationVisitor paths = mapping.visitArray("value");
			paths.visit(null, path(i, variable ? "{id}" : null));
			paths.visitEnd();
			mapping.visitEnd();
			if (isSecured(i)) {
				AnnotationVisitor secured = method.visitAnnotation("Ldev/nexios/spring/annotation/NexiosSecured;", true);
				AnnotationVisitor schemes = secured.visitArray("value");
				schemes.visit(null, SecurityDecisionBenchmark.API_KEY_SCHEME);
				schemes.visitEnd();
				secured.visitEnd();
			}
			else {
				method.visitAnnotation("Ldev/nexios/spring/annotation/NexiosPublic;", true).visitEnd();
			}
			method.visitCode();
			if (variable) {
				AnnotationVisitor pathVariable = method.visitParameterAnnotation(0,
						"Lorg/springframework/web/bind/annotation/PathVariable;", true);
				pathVariable.visit("value", "id");
				pathVariable.visitEnd();
				method.visitVarInsn(Opcodes.ALOAD, 1);
			}
			else {
				method.visitLdcInsn("detail" + i);
			}
			method.visitInsn(Opcodes.ARETURN);
			method.visitMaxs(0, 0);
			method.visitEnd();
		}
		writer.visitEnd();
		return writer.toByteArray();
	}

}
