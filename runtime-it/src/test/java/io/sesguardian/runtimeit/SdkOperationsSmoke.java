/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.runtimeit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Runs in a child JVM whose classpath is one packaged function jar (and this class): calls every
 * operation the jar's shrunk SDK clients still implement, once, against the loopback endpoint given
 * as the first argument. ProGuard keeps an operation's method only if the function's code can call
 * it, so this is every SDK call the function can make; a class or method shrunk away by mistake
 * shows as a {@link LinkageError} only when its call runs, which RuntimeClientIT's single event per
 * function does not do for all of them.
 *
 * <p>Reflection only: the SDK types are the jar's own, never a second copy from this module. Prints
 * one line per operation: {@code OK service operation}, {@code BROKEN service operation error} (a
 * LinkageError anywhere in the cause chain) or {@code FAILED service operation error}.
 */
final class SdkOperationsSmoke {

  private SdkOperationsSmoke() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    List<String> clients = new ArrayList<>();
    try (JarFile jar = new JarFile(args[1])) {
      jar.stream()
          .map(JarEntry::getName)
          .filter(
              n -> n.matches("software/amazon/awssdk/services/[a-z0-9]+/Default\\w+Client\\.class"))
          .sorted()
          .forEach(clients::add);
    }
    for (String entry : clients) {
      String implementation =
          entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
      int dot = implementation.lastIndexOf('.');
      String service =
          implementation.substring(0, dot).substring(implementation.lastIndexOf('.', dot - 1) + 1);
      Class<?> api =
          Class.forName(
              implementation.substring(0, dot + 1)
                  + implementation.substring(dot + 1 + "Default".length()));
      Object client = client(api, endpoint);
      for (Method method : Class.forName(implementation).getDeclaredMethods()) {
        if (isOperation(method)) {
          System.out.println(call(service, api, client, method));
        }
      }
    }
  }

  private static boolean isOperation(Method method) {
    return Modifier.isPublic(method.getModifiers())
        && !Modifier.isStatic(method.getModifiers())
        && !method.isBridge()
        && method.getParameterCount() == 1
        && method.getParameterTypes()[0].getName().endsWith("Request")
        && method.getParameterTypes()[0].getName().contains(".model.");
  }

  /** The client as the functions build it: builder, region, endpoint; credentials from env. */
  private static Object client(Class<?> api, URI endpoint) throws Exception {
    Object builder = api.getMethod("builder").invoke(null);
    Class<?> region = Class.forName("software.amazon.awssdk.regions.Region");
    Class.forName("software.amazon.awssdk.awscore.client.builder.AwsClientBuilder")
        .getMethod("region", region)
        .invoke(builder, region.getMethod("of", String.class).invoke(null, "us-east-1"));
    Class.forName("software.amazon.awssdk.core.client.builder.SdkClientBuilder")
        .getMethod("endpointOverride", URI.class)
        .invoke(builder, endpoint);
    return Class.forName("software.amazon.awssdk.utils.builder.SdkBuilder")
        .getMethod("build")
        .invoke(builder);
  }

  private static String call(String service, Class<?> api, Object client, Method operation) {
    String name = service + " " + operation.getName();
    try {
      Class<?> requestType = operation.getParameterTypes()[0];
      Object request = request(requestType);
      api.getMethod(operation.getName(), requestType).invoke(client, request);
      return "OK " + name;
    } catch (InvocationTargetException e) {
      return outcome(name, e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      return outcome(name, e);
    }
  }

  /**
   * A request with its text path parameters filled (the marshaller refuses empty ones) and nothing
   * else: other members change the call (SendEmail's EndpointId would ask for SigV4a signing).
   */
  private static Object request(Class<?> type) throws ReflectiveOperationException {
    Object builder = type.getMethod("builder").invoke(null);
    Class<?> field = Class.forName("software.amazon.awssdk.core.SdkField");
    Object text =
        Class.forName("software.amazon.awssdk.core.protocol.MarshallingType")
            .getField("STRING")
            .get(null);
    Class<?> location = Class.forName("software.amazon.awssdk.core.protocol.MarshallLocation");
    List<Object> paths =
        List.of(location.getField("PATH").get(null), location.getField("GREEDY_PATH").get(null));
    List<?> fields =
        (List<?>)
            Class.forName("software.amazon.awssdk.core.SdkPojo")
                .getMethod("sdkFields")
                .invoke(builder);
    for (Object f : fields) {
      if (field.getMethod("marshallingType").invoke(f) == text
          && paths.contains(field.getMethod("location").invoke(f))) {
        field.getMethod("set", Object.class, Object.class).invoke(f, builder, "smoke");
      }
    }
    return Class.forName("software.amazon.awssdk.utils.builder.SdkBuilder")
        .getMethod("build")
        .invoke(builder);
  }

  private static String outcome(String name, Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof LinkageError) {
        return "BROKEN " + name + " " + t;
      }
    }
    return "FAILED " + name + " " + error;
  }
}
