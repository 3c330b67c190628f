package dev.rapport.crm.jackson;

import dev.rapport.crm.Crm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public JSON types of crm-core, found by scanning its classes (a directory in an IDE or
 * {@code mvn test}, the jar in {@code mvn verify}), so a type added tomorrow is in the round trip
 * without anyone listing it.
 *
 * <p>"Public type" here: a public class (its enclosing classes public too) in {@code dev.rapport.crm}
 * or a package below it, except {@code internal} (implementation) and {@code spi} (the ports an
 * adapter implements), that is a record, an enum, or a value class (a final class that declares
 * its own {@code equals} and a static {@code of(String)}: {@code EmailAddress},
 * {@code PhoneNumber}). Events are records, so they are in. Not JSON types: services,
 * exceptions, interfaces, builders, and the commands made with a builder ({@code NewLead},
 * {@code LeadUpdate}, {@code NewOpportunity}, ...) together with the records that carry one
 * ({@link #commands()}: {@code Conversion}); a host maps its own request to those.
 */
final class PublicTypes {
  private static final String ROOT = "dev.rapport.crm";

  private PublicTypes() {}

  /** Every public JSON type, sorted by name. */
  static List<Class<?>> all() {
    List<Class<?>> types = new ArrayList<>();
    for (Class<?> c : scanned()) {
      if ((c.isRecord() || c.isEnum() || isValueClass(c)) && !carriesCommand(c)) {
        types.add(c);
      }
    }
    return types;
  }

  /** The records left out because a component is a command made with a builder. */
  static List<Class<?>> commands() {
    return scanned().stream().filter(c -> c.isRecord() && carriesCommand(c)).toList();
  }

  /** Every public class of the API packages of crm-core. */
  static List<Class<?>> scanned() {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : classNames()) {
      String pkg = name.substring(0, name.lastIndexOf('.'));
      if (pkg.equals(ROOT + ".internal") || pkg.startsWith(ROOT + ".internal.")
          || pkg.equals(ROOT + ".spi") || pkg.startsWith(ROOT + ".spi.")) {
        continue;
      }
      Class<?> c = load(name);
      if (isPublic(c) && !c.isAnonymousClass() && !c.isSynthetic()) {
        classes.add(c);
      }
    }
    classes.sort(Comparator.comparing(Class::getName));
    return classes;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  static boolean isValueClass(Class<?> c) {
    if (c.isInterface() || c.isRecord() || c.isEnum() || !Modifier.isFinal(c.getModifiers())) {
      return false;
    }
    try {
      c.getDeclaredMethod("equals", Object.class);
      Method of = c.getMethod("of", String.class);
      return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == c;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** A class made with a nested {@code Builder}, not a record: a command. */
  static boolean isCommand(Class<?> c) {
    return !c.isRecord() && !c.isInterface() && Stream.of(c.getClasses())
        .anyMatch(n -> n.getSimpleName().equals("Builder")) && c.getConstructors().length == 0;
  }

  private static boolean carriesCommand(Class<?> record) {
    if (!record.isRecord()) {
      return false;
    }
    for (RecordComponent rc : record.getRecordComponents()) {
      if (mentionsCommand(rc.getGenericType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsCommand(Type t) {
    if (t instanceof Class<?> c) {
      return isCommand(c);
    }
    if (t instanceof ParameterizedType p) {
      return Stream.of(p.getActualTypeArguments()).anyMatch(PublicTypes::mentionsCommand);
    }
    return false;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, PublicTypes.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The binary names of every class in crm-core's directory or jar. */
  private static Set<String> classNames() {
    Path location;
    try {
      location = Path.of(Crm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Set<String> names = new TreeSet<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(n -> add(n, names));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream().forEach(e -> add(e.getName(), names));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void add(String path, Set<String> names) {
    if (path.startsWith(ROOT.replace('.', '/') + "/") && path.endsWith(".class")
        && !path.endsWith("module-info.class") && !path.endsWith("package-info.class")) {
      names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
  }
}
