/*
 * Copyright 2026 The SES Reputation Guardian authors. Licensed under the Apache License, Version 2.0.
 */
package io.sesguardian.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(MotoExtension.class)}: one {@link MotoServer} per test JVM (kept in the root
 * context's store, so JUnit stops it after the last class), emptied before each test class, and
 * injected into any test, lifecycle method or constructor parameter of type {@link MotoServer}.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoExtension.class);

  /**
   * Lets JUnit close the shared server when the root context closes (JUnit 5.14 closes {@code
   * AutoCloseable} store values; older versions only {@code CloseableResource}).
   */
  private static final class Shared
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final MotoServer server = MotoServer.start();

    @Override
    public void close() {
      server.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Each class starts from an empty moto: no tables, topics or queues left by another class.
    server(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MotoServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static MotoServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class)
        .server;
  }
}
