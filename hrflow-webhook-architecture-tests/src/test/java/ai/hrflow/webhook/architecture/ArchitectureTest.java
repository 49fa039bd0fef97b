package ai.hrflow.webhook.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The shape of the published modules: what is API, what is internal, and how packages depend. */
class ArchitectureTest {

  private static final String OURS = "ai.hrflow.webhook";

  @ParameterizedTest
  @EnumSource(PublishedModule.class)
  void onlyTheApiIsPublicOutsideInternalPackages(PublishedModule module) throws IOException {
    Map<String, Set<String>> publicTypes = new TreeMap<>();
    for (ClassFile type : module.classFiles()) {
      if (!PublishedModule.isInternal(type.packageName())) {
        publicTypes.computeIfAbsent(type.packageName(), any -> new TreeSet<>());
        if (type.isPublic() && !type.isNested()) {
          publicTypes.get(type.packageName()).add(type.name().substring(type.packageName().length() + 1));
        }
      }
    }
    assertEquals(new TreeMap<>(module.api), publicTypes, module.directory + ": public types outside .internal packages");
  }

  @ParameterizedTest
  // The CLI is an application; the starter, like Spring Boot's own jars, is an automatic module
  // (Automatic-Module-Name: ai.hrflow.webhook.spring), since Boot applications run on the class path.
  @EnumSource(value = PublishedModule.class, names = {"CLI", "SPRING_BOOT_STARTER"}, mode = EnumSource.Mode.EXCLUDE)
  void moduleDescriptorsExportTheApiAndNoInternals(PublishedModule module) throws IOException {
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(module.classes().resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports exports : descriptor.exports()) {
      if (exports.isQualified()) {
        assertTrue(PublishedModule.isInternal(exports.source()), exports + " is qualified but not internal");
        for (String target : exports.targets()) {
          assertTrue(target.startsWith(OURS), exports.source() + " is exported to " + target + ", outside this library");
        }
      } else {
        assertTrue(!PublishedModule.isInternal(exports.source()), exports.source() + " is internal but exported to everyone");
        exported.add(exports.source());
      }
    }
    // The processor is found as a service (provides Processor with ...): it exports nothing.
    Set<String> expected = module == PublishedModule.PROCESSOR ? Set.of() : new TreeSet<>(module.api.keySet());
    assertEquals(expected, exported, module.directory + ": exported packages");
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() throws IOException {
    Map<String, Set<String>> dependencies = new TreeMap<>();
    for (PublishedModule module : PublishedModule.values()) {
      for (ClassFile type : module.classFiles()) {
        Set<String> edges = dependencies.computeIfAbsent(type.packageName(), any -> new TreeSet<>());
        for (String reference : type.references()) {
          String target = ClassFile.packageOf(reference);
          if (target.startsWith(OURS) && !target.equals(type.packageName())) {
            edges.add(target);
          }
        }
      }
    }
    List<Set<String>> cycles = stronglyConnected(dependencies).stream().filter(component -> component.size() > 1).toList();
    assertEquals(List.of(), cycles, "packages that depend on each other in a cycle");
    assertTrue(dependencies.get("ai.hrflow.webhook.runtime").contains("ai.hrflow.webhook.runtime.internal.decode"), "the graph is read");
  }

  @Test
  void theRuntimeJarHoldsNoTestKitAndNoCli() throws IOException {
    try (JarFile jar = new JarFile(PublishedModule.RUNTIME.jar("").toFile())) {
      List<String> misplaced =
          jar.stream()
              .map(entry -> entry.getName())
              .filter(name -> name.startsWith("ai/hrflow/webhook/testing/") || name.contains("/cli/"))
              .toList();
      assertEquals(List.of(), misplaced);
      assertTrue(jar.getEntry("ai/hrflow/webhook/runtime/WebhookReceiver.class") != null, "the runtime jar is read");
    }
  }

  /** The inbox is optional: the runtime declares the interface it implements, and uses nothing of a database. */
  @Test
  void theRuntimeUsesNothingOfTheInboxOrItsDatabases() throws IOException {
    Set<String> used = new TreeSet<>();
    for (ClassFile type : PublishedModule.RUNTIME.classFiles()) {
      for (String reference : type.references()) {
        String target = ClassFile.packageOf(reference);
        if (target.startsWith("ai.hrflow.webhook.inbox") || target.startsWith("com.github.kagkarlsson") || target.startsWith("org.h2")
            || target.startsWith("org.postgresql") || target.startsWith("java.sql") || target.startsWith("javax.sql") || target.startsWith("org.slf4j")) {
          used.add(type.name() + " -> " + target);
        }
      }
    }
    assertEquals(Set.of(), used);
    assertTrue(!PublishedModule.RUNTIME.classFiles().isEmpty(), "the runtime's classes are read");
  }

  @ParameterizedTest
  @EnumSource(PublishedModule.class)
  void everyPublishedModuleShipsItsSourcesAndItsApiJavadoc(PublishedModule module) throws IOException {
    try (JarFile sources = new JarFile(module.jar("sources").toFile())) {
      for (Map.Entry<String, Set<String>> api : module.api.entrySet()) {
        for (String type : api.getValue()) {
          String path = api.getKey().replace('.', '/') + "/" + type + ".java";
          assertTrue(
              sources.getEntry(path) != null || api.getKey().endsWith(".payload"), // generated: documented, not in src
              module.directory + " sources lack " + path);
        }
      }
    }
    try (JarFile javadoc = new JarFile(module.jar("javadoc").toFile())) {
      Set<String> pages = javadoc.stream().map(entry -> entry.getName()).collect(Collectors.toSet());
      for (Map.Entry<String, Set<String>> api : module.api.entrySet()) {
        for (String type : api.getValue()) {
          String page = api.getKey().replace('.', '/') + "/" + type + ".html";
          // Modular javadoc puts each module's pages under a directory named after the module.
          assertTrue(pages.stream().anyMatch(name -> name.endsWith("/" + page) || name.equals(page)), module.directory + " javadoc lacks " + page);
        }
      }
      List<String> internalPages =
          javadoc.stream().map(entry -> entry.getName()).filter(name -> name.contains("/internal/")).toList();
      assertEquals(List.of(), internalPages, module.directory + " documents internal packages");
    }
  }

  /** Tarjan's strongly connected components of {@code graph}. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    List<Set<String>> components = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    Set<String> onStack = new HashSet<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        visit(node, graph, index, low, stack, onStack, counter, components);
      }
    }
    return components;
  }

  private static void visit(
      String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low, List<String> stack,
      Set<String> onStack, int[] counter, List<Set<String>> components) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.add(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, onStack, counter, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.remove(stack.size() - 1);
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(Collections.unmodifiableSet(component));
    }
  }

  static String describe(Map<String, Set<String>> graph) {
    return graph.entrySet().stream().map(entry -> entry.getKey() + " -> " + entry.getValue()).collect(Collectors.joining("\n"));
  }
}
