package org.anteroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.annotation.WebServlet;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.anteroom.ops.ClockResource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The hand-written OpenAPI document ({@code META-INF/openapi.yaml}, docs/decisions/0024) against the
 * code, both ways: every JAX-RS operation of every {@code @ApplicationPath} application is documented
 * with exactly the parameters it reads, every documented operation exists, and the file servlet's and
 * the WebSockets' paths are described. What an operation reads is found in the code: the JAX-RS
 * parameter annotations, and the names it passes to the readers that take a name at run time (the
 * legacy parameters of {@code LegacyCall}, the fields of a presence {@code JsonBody}, request headers),
 * in the resource method, in what it calls in its own package, and in its application's authenticating
 * filter. A failure lists every difference, so whoever adds an endpoint knows what to write.
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT_RESOURCE = "META-INF/openapi.yaml";
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    /** Test instruments that exist only when a test asks for them; the document must never show them. */
    private static final Set<Class<?>> EXCLUDED = Set.of(ClockResource.class);

    /** The methods that read a request value by a name given at run time, and what that name is. */
    private static final Map<String, Set<String>> LEGACY_READERS =
            Map.of("org.anteroom.legacy.LegacyCall", Set.of("text", "raw", "number", "flag"));

    private static final Map<String, Set<String>> JSON_READERS =
            Map.of("org.anteroom.presence.JsonBody", Set.of("text", "bool"));

    private static final Map<String, Set<String>> HEADER_READERS = Map.of(
            "jakarta.ws.rs.core.HttpHeaders", Set.of("getHeaderString"),
            "jakarta.ws.rs.container.ContainerRequestContext", Set.of("getHeaderString"),
            "jakarta.servlet.http.HttpServletRequest", Set.of("getHeader"));

    /** Headers that OpenAPI expresses otherwise: the media types by the request body, Authorization by security. */
    private static final Set<String> CONTENT_HEADERS = Set.of("content-type", "accept");

    private static final String AUTHORIZATION = "authorization";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.anteroom");

    private static final String TEXT = text();
    private static final Map<String, Object> DOCUMENT = parse(TEXT);

    // ------------------------------------------------------------------ the tests

    @Test
    void everyOperationIsDocumentedWithItsParametersAndEveryDocumentedOneExists() {
        Map<String, CodeOperation> code = new LinkedHashMap<>();
        restOperations().stream()
                .filter(op -> !EXCLUDED.contains(op.resource()))
                .forEach(op -> code.put(op.key(), op));
        Map<String, Map<String, Object>> documented = documentedOperations();
        Set<String> servletPrefixes = servlets().stream().map(Servlet::prefix).collect(Collectors.toSet());

        List<String> problems = new ArrayList<>();
        code.forEach((key, op) -> {
            Map<String, Object> doc = documented.get(key);
            if (doc == null) {
                problems.add(key + " is not documented (" + op.where() + "); document " + op.describe());
            } else {
                compare(op, doc, problems);
            }
        });
        documented.keySet().stream()
                .filter(key -> !code.containsKey(key))
                .filter(key -> servletPrefixes.stream().noneMatch(prefix -> underPrefix(pathOf(key), prefix)))
                .forEach(key -> problems.add(key + " is documented, but no JAX-RS operation or servlet serves it"));
        assertTrue(problems.isEmpty(), report(problems));
    }

    @Test
    void everyResourceBelongsToAnApplication() {
        Set<Class<?>> registered =
                restOperations().stream().map(CodeOperation::resource).collect(Collectors.toSet());
        Set<String> orphans = CLASSES.stream()
                .filter(type -> type.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .filter(type -> !registered.contains(type.reflect()))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(orphans.isEmpty(), "resources that no application's getClasses() names: " + orphans);
    }

    @Test
    void theServletsAndWebSocketsAreDescribed() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> documented = documentedOperations();
        for (Servlet servlet : servlets()) {
            if (!TEXT.contains(servlet.prefix())) {
                problems.add("the servlet " + servlet.type().getSimpleName() + " at " + servlet.prefix()
                        + " is not mentioned");
            }
            Map<String, Set<String>> headersByMethod = servlet.headersByMethod();
            documented.forEach((key, doc) -> {
                if (!underPrefix(pathOf(key), servlet.prefix())) {
                    return;
                }
                String method = methodOf(key);
                if (!headersByMethod.containsKey(method)) {
                    problems.add(key + " is documented, but " + servlet.type().getSimpleName() + " does not serve "
                            + method.toUpperCase(Locale.ROOT));
                    return;
                }
                Set<String> documentedHeaders = lower(parameters(doc, "header"));
                for (String header : headersByMethod.get(method)) {
                    if (!documentedHeaders.contains(header.toLowerCase(Locale.ROOT))) {
                        problems.add(key + " lacks the header parameter " + header + " that "
                                + servlet.type().getSimpleName() + " reads");
                    }
                }
            });
            headersByMethod.keySet().stream()
                    .filter(method -> documented.keySet().stream()
                            .noneMatch(
                                    key -> methodOf(key).equals(method) && underPrefix(pathOf(key), servlet.prefix())))
                    .forEach(method -> problems.add(method.toUpperCase(Locale.ROOT) + " " + servlet.prefix()
                            + "/... of " + servlet.type().getSimpleName() + " is not documented"));
        }
        for (String socket : webSocketPaths()) {
            if (!TEXT.contains(socket)) {
                problems.add("the WebSocket " + socket + " is not mentioned");
            }
        }
        assertTrue(problems.isEmpty(), report(problems));
    }

    @Test
    void theTestClockNeverAppears() {
        Set<String> clock = restOperations().stream()
                .filter(op -> EXCLUDED.contains(op.resource()))
                .map(CodeOperation::path)
                .collect(Collectors.toSet());
        assertFalse(clock.isEmpty(), "ClockResource is no longer registered: update EXCLUDED");
        for (String path : clock) {
            assertFalse(TEXT.contains(path), path + " (the test clock) appears in the document");
        }
        assertFalse(TEXT.contains("/ops/clock"), "the test clock appears in the document");
    }

    @Test
    void itHasARealTitleTheProjectsVersionAndARelativeServer() {
        Map<String, Object> info = map(DOCUMENT.get("info"));
        assertEquals("Anteroom", info.get("title"));
        assertEquals(projectVersion(), String.valueOf(info.get("version")), "info.version is not the POM's");
        List<Object> servers = list(DOCUMENT.get("servers"));
        assertEquals(1, servers.size());
        assertEquals("/", map(servers.get(0)).get("url"));
    }

    @Test
    void everyOperationHasATagAnIdAndRealResponsesAndEveryReferenceResolves() {
        List<String> problems = new ArrayList<>();
        Set<Object> tags =
                list(DOCUMENT.get("tags")).stream().map(t -> map(t).get("name")).collect(Collectors.toSet());
        Set<Object> ids = new HashSet<>();
        documentedOperations().forEach((key, op) -> {
            if (!(op.get("tags") instanceof List<?> opTags) || opTags.isEmpty() || !tags.containsAll(opTags)) {
                problems.add(key + " has no declared tag");
            }
            if (op.get("operationId") == null || !ids.add(op.get("operationId"))) {
                problems.add(key + " has no operationId, or one that another operation has too");
            }
            Map<String, Object> responses = map(op.get("responses"));
            if (responses.containsKey("default")
                    || responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                problems.add(key + " needs its real statuses (a 2xx, no \"default\")");
            }
        });
        references(DOCUMENT, problems);
        assertTrue(problems.isEmpty(), report(problems));
    }

    // ------------------------------------------------------------------ comparing one operation

    private static void compare(CodeOperation op, Map<String, Object> doc, List<String> problems) {
        String key = op.key();
        Set<String> security = securitySchemes(doc);
        Set<String> apiKeyQuery = new TreeSet<>();
        boolean httpAuth = false;
        for (String scheme : security) {
            Map<String, Object> definition = map(
                    map(map(DOCUMENT.get("components")).get("securitySchemes")).get(scheme));
            if ("apiKey".equals(definition.get("type")) && "query".equals(definition.get("in"))) {
                apiKeyQuery.add((String) definition.get("name"));
            }
            httpAuth |= "http".equals(definition.get("type"));
        }
        Set<String> query = parameters(doc, "query");
        Set<String> form = bodyFields(doc, FORM);
        Set<String> json = bodyFields(doc, JSON);

        same(key, "path parameters", op.params("path"), parameters(doc, "path"), problems);
        same(key, "cookie parameters", op.params("cookie"), parameters(doc, "cookie"), problems);

        // Legacy names may come in the query string or the form body: either place documents them.
        Set<String> legacyPlaces = union(query, form, apiKeyQuery);
        missing(key, "legacy parameters (query or form)", op.legacy(), legacyPlaces, problems);
        missing(key, "query parameters", op.params("query"), union(query, apiKeyQuery), problems);
        missing(key, "form fields", op.params("form"), form, problems);
        extra(key, "query parameters", query, union(op.params("query"), op.legacy()), problems);
        // A form parsed by hand (the OAuth grant) is described, not checked.
        if (!op.legacy().isEmpty() || !op.params("form").isEmpty()) {
            extra(key, "form fields", form, union(op.params("form"), op.legacy()), problems);
        }

        // A body read otherwise (a stream parsed by hand) is described, not checked.
        if (op.readsJsonByName()) {
            same(key, "JSON body fields", op.json(), json, problems);
        }

        Set<String> headers = new TreeSet<>();
        for (String header : union(op.params("header"), op.headers())) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.equals(AUTHORIZATION)) {
                if (!httpAuth) {
                    problems.add(key + " reads Authorization but has no http security scheme");
                }
            } else if (!CONTENT_HEADERS.contains(lower)) {
                headers.add(lower);
            }
        }
        same(key, "header parameters", headers, lower(parameters(doc, "header")), problems);

        if (op.authenticated() && security.isEmpty()) {
            problems.add(key + " needs authentication (" + op.filter() + ") but documents no security");
        }
    }

    private static void same(String key, String what, Set<String> code, Set<String> doc, List<String> problems) {
        missing(key, what, code, doc, problems);
        extra(key, what, doc, code, problems);
    }

    private static void missing(String key, String what, Set<String> code, Set<String> doc, List<String> problems) {
        Set<String> missing = new TreeSet<>(code);
        missing.removeAll(doc);
        if (!missing.isEmpty()) {
            problems.add(key + " does not document the " + what + " " + missing);
        }
    }

    private static void extra(String key, String what, Set<String> doc, Set<String> code, List<String> problems) {
        Set<String> extra = new TreeSet<>(doc);
        extra.removeAll(code);
        if (!extra.isEmpty()) {
            problems.add(key + " documents " + what + " that the code does not read: " + extra);
        }
    }

    private static String report(List<String> problems) {
        return "The OpenAPI document (src/main/resources/" + DOCUMENT_RESOURCE + ") and the code differ:\n  - "
                + String.join("\n  - ", problems) + "\n";
    }

    // ------------------------------------------------------------------ the code's side

    /** One JAX-RS operation as the code defines it. */
    record CodeOperation(
            String method,
            String path,
            Class<?> resource,
            Method javaMethod,
            Map<String, Set<String>> annotated,
            Set<String> legacy,
            Set<String> json,
            Set<String> headers,
            boolean readsJsonByName,
            boolean authenticated,
            String filter) {

        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        String where() {
            return resource.getName() + "." + javaMethod.getName();
        }

        Set<String> params(String in) {
            return annotated.getOrDefault(in, Set.of());
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            annotated.forEach((in, names) -> parts.add(in + " " + names));
            if (!legacy.isEmpty()) {
                parts.add("legacy (query or form) " + new TreeSet<>(legacy));
            }
            if (!json.isEmpty()) {
                parts.add("JSON body fields " + new TreeSet<>(json));
            }
            if (!headers.isEmpty()) {
                parts.add("headers " + new TreeSet<>(headers));
            }
            if (authenticated) {
                parts.add("its security (" + filter + " authenticates it)");
            }
            return parts.isEmpty() ? "its responses" : String.join("; ", parts);
        }
    }

    /** Every operation of every JAX-RS application, the excluded ones included. */
    private static List<CodeOperation> restOperations() {
        List<CodeOperation> operations = new ArrayList<>();
        for (JavaClass app : CLASSES) {
            if (!app.isAssignableTo(Application.class) || !app.isAnnotatedWith(ApplicationPath.class)) {
                continue;
            }
            String base = app.getAnnotationOfType(ApplicationPath.class).value();
            if (app.getMethods().stream().noneMatch(m -> m.getName().equals("getClasses"))) {
                throw new AssertionError(app.getName() + " declares no getClasses(): list its classes there, as every "
                        + "application of ours does, so that its operations can be found");
            }
            Set<JavaClass> registered = app.getMethod("getClasses").getReferencedClassObjects().stream()
                    .map(ReferencedClassObject::getRawType)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Reads filterReads = new Reads();
            List<String> filters = new ArrayList<>();
            for (JavaClass type : registered) {
                if (type.isAssignableTo(ContainerRequestFilter.class)) {
                    filters.add(type.getSimpleName());
                    type.getMethods().stream()
                            .filter(m -> m.getName().equals("filter"))
                            .forEach(m -> filterReads.collect(m));
                }
            }
            for (JavaClass type : registered) {
                Class<?> resource = type.reflect();
                jakarta.ws.rs.Path classPath = resource.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : resource.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null || !Modifier.isPublic(method.getModifiers())) {
                        continue;
                    }
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = path(base, classPath.value(), methodPath == null ? "" : methodPath.value());
                    Reads reads = new Reads();
                    reads.collect(type.getMethod(method.getName(), method.getParameterTypes()));
                    boolean authenticated = !filters.isEmpty() && !isPublic(method);
                    if (authenticated) {
                        reads.addAll(filterReads);
                    }
                    operations.add(new CodeOperation(
                            verb.toLowerCase(Locale.ROOT),
                            path,
                            resource,
                            method,
                            annotated(method),
                            reads.legacy,
                            reads.json,
                            reads.headers,
                            reads.readsJson,
                            authenticated,
                            String.join(", ", filters)));
                }
            }
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Each surface marks its operations that need no authentication with its own {@code @Public}. */
    private static boolean isPublic(Method method) {
        return Stream.concat(
                        Stream.of(method.getAnnotations()),
                        Stream.of(method.getDeclaringClass().getAnnotations()))
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Public"));
    }

    private static String path(String... parts) {
        String joined = "/" + String.join("/", parts);
        joined = joined.replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        // A template's regular expression ({id: [0-9]+}) is no part of its name.
        return joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
    }

    /** The parameters named by JAX-RS annotations, by OpenAPI location ({@code form} for form fields). */
    private static Map<String, Set<String>> annotated(Method method) {
        Map<String, Set<String>> params = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            annotated(parameter, parameter.getType(), params);
        }
        return params;
    }

    private static void annotated(AnnotatedElement element, Class<?> type, Map<String, Set<String>> params) {
        add(params, "query", element.getAnnotation(QueryParam.class), QueryParam::value);
        add(params, "path", element.getAnnotation(PathParam.class), PathParam::value);
        add(params, "header", element.getAnnotation(HeaderParam.class), HeaderParam::value);
        add(params, "cookie", element.getAnnotation(CookieParam.class), CookieParam::value);
        add(params, "form", element.getAnnotation(FormParam.class), FormParam::value);
        if (element.isAnnotationPresent(BeanParam.class)) {
            for (Field field : type.getDeclaredFields()) {
                annotated(field, field.getType(), params);
            }
            for (Method setter : type.getDeclaredMethods()) {
                annotated(setter, setter.getReturnType(), params);
            }
            Stream.of(type.getDeclaredConstructors())
                    .flatMap(c -> Stream.of(c.getParameters()))
                    .forEach(p -> annotated(p, p.getType(), params));
        }
    }

    private static <A extends Annotation> void add(
            Map<String, Set<String>> params, String in, A annotation, java.util.function.Function<A, String> name) {
        if (annotation != null) {
            params.computeIfAbsent(in, i -> new TreeSet<>()).add(name.apply(annotation));
        }
    }

    /**
     * The names an operation passes to the readers that take one at run time, found by following its
     * calls within its own package. Each name is the literal (or constant) on the line of the call; a
     * reader called with a variable takes the name its caller passed.
     */
    private static final class Reads {

        final Set<String> legacy = new TreeSet<>();
        final Set<String> json = new TreeSet<>();
        final Set<String> headers = new TreeSet<>();
        boolean readsJson;

        void addAll(Reads other) {
            legacy.addAll(other.legacy);
            json.addAll(other.json);
            headers.addAll(other.headers);
            readsJson |= other.readsJson;
        }

        void collect(JavaCodeUnit start) {
            String home = start.getOwner().getPackageName();
            Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
            Set<JavaCodeUnit> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                JavaCodeUnit unit = todo.pop();
                if (!seen.add(unit)) {
                    continue;
                }
                for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    if (reads(LEGACY_READERS, owner, name)) {
                        legacy.addAll(names(call));
                    } else if (reads(JSON_READERS, owner, name)) {
                        readsJson = true;
                        json.addAll(names(call));
                    } else if (reads(HEADER_READERS, owner, name)) {
                        headers.addAll(names(call));
                    } else if (call.getTargetOwner().getPackageName().equals(home)
                            && !LEGACY_READERS.containsKey(owner)
                            && !JSON_READERS.containsKey(owner)) {
                        call.getTarget().resolveMember().ifPresent(todo::push);
                    }
                }
            }
        }

        private static boolean reads(Map<String, Set<String>> readers, String owner, String name) {
            return readers.getOrDefault(owner, Set.of()).contains(name);
        }
    }

    /** The name(s) a reader is called with on the call's line, or that its caller passes. */
    private static Set<String> names(JavaMethodCall call) {
        String line = sourceLine(call.getOriginOwner(), call.getLineNumber());
        Set<String> names = literals(line, call.getName());
        if (!names.isEmpty()) {
            return names;
        }
        Matcher constant = Pattern.compile("\\b" + call.getName() + "\\(\\s*([A-Z]\\w*)\\.([A-Z_]+)\\s*[,)]")
                .matcher(line);
        if (constant.find()) {
            return Set.of(constant(call.getOriginOwner(), constant.group(1), constant.group(2)));
        }
        JavaCodeUnit enclosing = call.getOrigin();
        for (JavaMethodCall caller :
                enclosing instanceof JavaMethod method ? method.getCallsOfSelf() : Set.<JavaMethodCall>of()) {
            names.addAll(literals(sourceLine(caller.getOriginOwner(), caller.getLineNumber()), enclosing.getName()));
        }
        if (names.isEmpty()) {
            throw new AssertionError(
                    "Cannot tell which name " + call.getOriginOwner().getSimpleName() + ".java:" + call.getLineNumber()
                            + " reads: keep the name a literal or constant on the call's line");
        }
        return names;
    }

    private static Set<String> literals(String line, String method) {
        Set<String> names = new TreeSet<>();
        Matcher literal = Pattern.compile("\\b" + method + "\\(\\s*(?:\\w+\\s*,\\s*)?\"([^\"]*)\"")
                .matcher(line);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        return names;
    }

    /** A constant such as {@code HttpHeaders.AUTHORIZATION}, through the import of the class that uses it. */
    private static String constant(JavaClass user, String type, String field) {
        Matcher imported =
                Pattern.compile("(?m)^import\\s+([\\w.]+\\." + type + ");").matcher(source(user));
        String name = imported.find() ? imported.group(1) : user.getPackageName() + "." + type;
        try {
            return (String) Class.forName(name).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot read " + type + "." + field + " used in " + user.getSimpleName(), e);
        }
    }

    private static String sourceLine(JavaClass owner, int line) {
        List<String> lines = source(owner).lines().toList();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    private static String source(JavaClass owner) {
        JavaClass top = owner;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        Path file = SOURCES.resolve(top.getPackageName().replace('.', '/')).resolve(top.getSimpleName() + ".java");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The test reads the sources from the project's folder", e);
        }
    }

    /** A servlet's path prefix and, per HTTP method it serves, the headers it reads by name. */
    record Servlet(Class<?> type, String prefix, Map<String, Set<String>> headersByMethod) {}

    private static List<Servlet> servlets() {
        List<Servlet> servlets = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (!type.isAnnotatedWith(WebServlet.class)) {
                continue;
            }
            WebServlet servlet = type.getAnnotationOfType(WebServlet.class);
            Map<String, Set<String>> byMethod = new LinkedHashMap<>();
            for (JavaMethod method : type.getMethods()) {
                if (method.getName().matches("do(Get|Post|Put|Delete|Patch)")) {
                    Reads reads = new Reads();
                    reads.collect(method);
                    byMethod.put(method.getName().substring(2).toLowerCase(Locale.ROOT), reads.headers);
                }
            }
            for (String pattern : Stream.concat(Stream.of(servlet.value()), Stream.of(servlet.urlPatterns()))
                    .toList()) {
                servlets.add(new Servlet(type.reflect(), pattern.replaceAll("/\\*$", ""), byMethod));
            }
        }
        return servlets;
    }

    /** The annotated endpoints, and those registered by a {@link ServerApplicationConfig}. */
    private static Set<String> webSocketPaths() {
        Set<String> paths = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (type.isAnnotatedWith(ServerEndpoint.class)) {
                paths.add(type.getAnnotationOfType(ServerEndpoint.class).value());
            }
            if (type.isAssignableTo(ServerApplicationConfig.class) && !type.isInterface()) {
                try {
                    ServerApplicationConfig config = (ServerApplicationConfig)
                            type.reflect().getDeclaredConstructor().newInstance();
                    config.getEndpointConfigs(Set.of()).stream()
                            .map(ServerEndpointConfig::getPath)
                            .forEach(paths::add);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("Cannot ask " + type.getSimpleName() + " for its endpoints", e);
                }
            }
        }
        assertFalse(paths.isEmpty(), "no WebSocket endpoint found");
        return paths;
    }

    // ------------------------------------------------------------------ the document's side

    /** "GET /path" to the operation object. */
    private static Map<String, Map<String, Object>> documentedOperations() {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        map(DOCUMENT.get("paths"))
                .forEach((path, item) -> map(item).forEach((method, operation) -> {
                    if (HTTP_METHODS.contains(method)) {
                        Map<String, Object> op = new LinkedHashMap<>(map(operation));
                        // Path-level parameters apply to every operation of the path.
                        List<Object> params = new ArrayList<>(list(map(item).get("parameters")));
                        params.addAll(list(op.get("parameters")));
                        op.put("parameters", params);
                        operations.put(method.toUpperCase(Locale.ROOT) + " " + path, op);
                    }
                }));
        return operations;
    }

    private static Set<String> parameters(Map<String, Object> op, String in) {
        return list(op.get("parameters")).stream()
                .map(p -> map(resolve(p)))
                .filter(p -> in.equals(p.get("in")))
                .map(p -> (String) p.get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> bodyFields(Map<String, Object> op, String mediaType) {
        if (op.get("requestBody") == null) {
            return Set.of();
        }
        Object media = map(map(resolve(op.get("requestBody"))).get("content")).get(mediaType);
        return media == null ? Set.of() : properties(map(media).get("schema"));
    }

    private static Set<String> properties(Object schema) {
        Set<String> names = new TreeSet<>();
        if (schema == null) {
            return names;
        }
        Map<String, Object> resolved = map(resolve(schema));
        names.addAll(map(resolved.get("properties")).keySet());
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            list(resolved.get(combined)).forEach(part -> names.addAll(properties(part)));
        }
        return names;
    }

    private static Set<String> securitySchemes(Map<String, Object> op) {
        Object security = op.containsKey("security") ? op.get("security") : DOCUMENT.get("security");
        return list(security).stream()
                .flatMap(requirement -> map(requirement).keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Object resolve(Object node) {
        Object current = node;
        for (int depth = 0; current instanceof Map<?, ?> m && m.containsKey("$ref"); depth++) {
            assertTrue(depth < 10, "a cycle of $ref");
            current = pointer((String) m.get("$ref"));
        }
        return current;
    }

    private static Object pointer(String ref) {
        assertTrue(ref.startsWith("#/"), "only local references: " + ref);
        Object node = DOCUMENT;
        for (String part : ref.substring(2).split("/")) {
            node = node instanceof Map<?, ?> m ? m.get(part.replace("~1", "/").replace("~0", "~")) : null;
        }
        return node;
    }

    private static void references(Object node, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("$ref") instanceof String ref && pointer(ref) == null) {
                problems.add("the reference " + ref + " names nothing");
            }
            m.values().forEach(value -> references(value, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(value -> references(value, problems));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String text() {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT_RESOURCE)) {
            Objects.requireNonNull(in, DOCUMENT_RESOURCE + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** The project's version, from the POM the build runs in. */
    static String projectVersion() {
        try {
            String pom = Files.readString(Path.of("pom.xml"));
            Matcher version = Pattern.compile("<artifactId>anteroom</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(pom);
            assertTrue(version.find(), "no version in pom.xml");
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean underPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String methodOf(String key) {
        return key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    private static String pathOf(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> union = new TreeSet<>();
        for (Set<String> set : sets) {
            union.addAll(set);
        }
        return union;
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
