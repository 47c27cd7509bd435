package io.pactbroker.broker.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Delivers triggered webhooks from the outbox. One runs in every broker instance; any number may share a database,
 * because each claims due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} under a lease of its own.
 *
 * <p>It costs nothing while idle: a listener thread blocks on PostgreSQL's {@code LISTEN}, and the triggering
 * transaction's {@code NOTIFY} (delivered only at its commit) wakes the dispatcher; otherwise it sleeps until the
 * next retry is due, and at most {@code PACT_BROKER_WEBHOOK_POLL_INTERVAL} (the safety net should a notification be
 * missed, or LISTEN be unavailable, as behind a transaction-pooling proxy). Requests run on a few worker threads, so a
 * slow endpoint does not hold up the others.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** The wait after claiming nothing although something looked due (another dispatcher is claiming it). */
    private static final long CONTENDED_WAIT_MILLIS = 200;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final WebhookDelivery delivery;
    private final DataSource dataSource;
    private final int threads;
    private final Duration pollInterval;
    private final String owner;
    private final Semaphore free;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile boolean listening;
    private ExecutorService workers;
    private Thread loop;
    private Thread listener;

    /**
     * @param dataSource where to {@code LISTEN} (one connection held while running), or null to rely on polling
     */
    public WebhookDispatcher(WebhookDelivery delivery, DataSource dataSource, int threads, Duration pollInterval) {
        this.delivery = delivery;
        this.dataSource = dataSource;
        this.threads = Math.max(1, threads);
        this.pollInterval = pollInterval;
        this.owner = "dispatcher-" + INSTANCES.incrementAndGet() + "-" + UUID.randomUUID();
        this.free = new Semaphore(this.threads);
    }

    /** The name this dispatcher's claims carry ({@code triggered_webhooks.lease_owner}). */
    public String owner() {
        return owner;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        String name = owner.substring(0, owner.indexOf('-', "dispatcher-".length()));
        AtomicInteger workerNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "webhook-" + name + "-worker-" + workerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "webhook-" + name);
        loop.setDaemon(true);
        loop.start();
        if (dataSource != null) {
            listener = new Thread(this::listen, "webhook-" + name + "-listener");
            listener.setDaemon(true);
            listener.start();
        }
        LOG.debugf("Webhook dispatcher %s started with %d workers", owner, threads);
    }

    /** Stops claiming, lets the attempts under way finish (for a few seconds), and stops. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        if (listener != null) {
            listener.interrupt();
        }
        try {
            loop.join(TimeUnit.SECONDS.toMillis(5));
            workers.shutdown();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                // their claims expire with their leases, and another dispatcher delivers them then
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        LOG.debugf("Webhook dispatcher %s stopped", owner);
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether the listener holds a LISTEN connection (otherwise the dispatcher polls). */
    public boolean isListening() {
        return listening;
    }

    /** Look for due webhooks now. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            long wait;
            try {
                wait = dispatchOnce();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                wait = Math.min(pollInterval.toMillis(), 1000L * (1L << Math.min(failures, 5)));
                LOG.warnf("The webhook dispatcher could not read the outbox (retrying in %d ms): %s", wait, e);
            }
            await(wait);
        }
    }

    /** Claims what is due for the free workers and hands it to them; how long to wait before looking again. */
    long dispatchOnce() {
        int available = free.availablePermits();
        int claimed = 0;
        if (available > 0) {
            List<TriggeredWebhookRepository.Claim> claims = delivery.claim(owner, available);
            for (TriggeredWebhookRepository.Claim claim : claims) {
                if (!running || !free.tryAcquire()) {
                    delivery.release(claims.subList(claims.indexOf(claim), claims.size()));
                    break;
                }
                claimed++;
                workers.execute(() -> attempt(claim));
            }
            if (claimed == available) {
                // there may be more; the workers wake the loop as they finish
                return pollInterval.toMillis();
            }
        } else {
            return pollInterval.toMillis();
        }
        Long next = delivery.millisUntilNextDue();
        long poll = listening ? pollInterval.toMillis() : Math.min(pollInterval.toMillis(), 5000);
        if (next == null) {
            return poll;
        }
        if (next <= 0) {
            return claimed > 0 ? 0 : CONTENDED_WAIT_MILLIS;
        }
        return Math.min(next + 1, poll);
    }

    private void attempt(TriggeredWebhookRepository.Claim claim) {
        try {
            WebhookDelivery.Outcome outcome = delivery.deliver(claim);
            LOG.debugf("Triggered webhook %d: %s", claim.id(), outcome);
        } catch (RuntimeException e) {
            // the claim expires with its lease; the webhook is attempted again then
            LOG.warnf(e, "Delivering triggered webhook %d failed unexpectedly", claim.id());
        } finally {
            free.release();
            wake();
        }
    }

    private void await(long millis) {
        if (millis <= 0) {
            return;
        }
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!wakeRequested && running && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Holds a connection listening on the outbox channel, and wakes the dispatcher on each notification. */
    private void listen() {
        long backoff = 1000;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + TriggeredWebhookRepository.CHANNEL);
                }
                listening = true;
                backoff = 1000;
                // anything triggered while nobody listened
                wake();
                int timeout = (int) Math.min(pollInterval.toMillis(), 5000);
                long quiet = 0;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(timeout);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                        quiet = 0;
                    } else if ((quiet += timeout) >= 60_000) {
                        // a connection that died silently shows itself here, and is replaced
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        quiet = 0;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                LOG.infof(
                        "The webhook dispatcher is not listening for notifications (retrying in %d ms): %s",
                        backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, pollInterval.toMillis());
            } finally {
                listening = false;
            }
        }
    }
}
