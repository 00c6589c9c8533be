package com.acme.returns;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Version information for the banner. The version supplier is generated at start-up with the
 * application's own (old) Byte Buddy: if the agent's copy leaked onto the class path, this would
 * be the first thing to break.
 */
final class AppInfo {

  static final String GENERATED_CLASS = "com.acme.returns.generated.VersionSupplier";

  private AppInfo() {}

  static String version() {
    String version = AppInfo.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @SuppressWarnings("unchecked")
  static Supplier<String> generateVersionSupplier(String version) {
    try {
      Class<?> type = new ByteBuddy()
          .subclass(Object.class)
          .implement(TypeDescription.Generic.Builder
              .parameterizedType(Supplier.class, String.class).build())
          .name(GENERATED_CLASS)
          .method(ElementMatchers.named("get"))
          .intercept(FixedValue.value(version))
          .make()
          .load(AppInfo.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
          .getLoaded();
      return (Supplier<String>) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not instantiate " + GENERATED_CLASS, e);
    }
  }

  /** The versions of the bundled libraries, as recorded at build time. */
  static String libraries() {
    try (InputStream in = AppInfo.class.getResourceAsStream("/app-build.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("libraries", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
