package io.shoplens.engine.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.testing.TestSpark;

/**
 * Hands the sample shop's {@link SparkAndMemoryModel} to the test classes that ask for one (a
 * parameter of their {@code @BeforeAll}). Importing the sample and caching its sessions is most of
 * such a class's time, so it is done once for the whole test run and closed when the run ends.
 */
public final class SampleShop implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SampleShop.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkAndMemoryModel.class;
    }

    @Override
    public SparkAndMemoryModel resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every class and closes what it holds when the run ends.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Imported.class, k -> Imported.load(), Imported.class).model();
    }

    private record Imported(OnTheFly sample, SparkAndMemoryModel model) implements AutoCloseable {

        static Imported load() {
            try {
                OnTheFly sample = OnTheFly.importTemporary(List.of(Path.of("..", "sample-logs", "shop")),
                        ImportOptions.defaults(), (fraction, message) -> { }, CancellationToken.none());
                try {
                    return new Imported(sample, SparkAndMemoryModel.of(sample.tables(TestSpark.session())));
                } catch (RuntimeException e) {
                    sample.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            model.release();
            sample.close();
        }
    }
}
