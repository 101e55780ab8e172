package io.shoplens.app.jobs;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.shoplens.app.engine.JobContext;

/**
 * The {@link JobContext} the runners hand to work: a cancel flag, cancel actions and progress
 * sinks. Public for work driven outside a runner that must still be cancelled as a user would.
 */
public final class JobContexts {

    private JobContexts() {
    }

    public static Context create(String title, BiConsumer<Long, Long> progress, Consumer<String> message) {
        // The title is kept in the group name so Spark's logs say whose job was cancelled.
        String slug = title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
        return new Context("shoplens-" + slug + "-" + UUID.randomUUID(), progress, message);
    }

    public static final class Context implements JobContext {
        private final String group;
        private final BiConsumer<Long, Long> progress;
        private final Consumer<String> message;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();

        Context(String group, BiConsumer<Long, Long> progress, Consumer<String> message) {
            this.group = group;
            this.progress = progress;
            this.message = message;
        }

        @Override
        public String group() {
            return group;
        }

        @Override
        public void progress(long done, long total) {
            progress.accept(done, total);
        }

        @Override
        public void message(String text) {
            message.accept(text);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void onCancel(Runnable action) {
            cancelActions.add(action);
            if (cancelled.get() && cancelActions.remove(action)) {
                action.run();
            }
        }

        /** Marks the job cancelled and runs each cancel action once. */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                for (Runnable action : cancelActions) {
                    if (cancelActions.remove(action)) {
                        action.run();
                    }
                }
            }
        }
    }
}
