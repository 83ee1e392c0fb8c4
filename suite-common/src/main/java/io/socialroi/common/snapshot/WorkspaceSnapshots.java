package io.socialroi.common.snapshot;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One mechanism for the suite's in-memory stores (engagement's rollups, conversion's journeys): a snapshot per
 * workspace, brought up to date on every read from the database's change marker (see {@link Watermark}), within
 * one memory budget.
 *
 * <ul>
 * <li><b>Current on every read.</b> {@link #view} refreshes the workspace's snapshot before answering; calls that
 * arrive together share one refresh (a refresh that started after a call arrived has seen everything committed
 * before that call).</li>
 * <li><b>Never waiting for a load.</b> A workspace not in memory is loaded in the background and {@link #view}
 * answers null meanwhile: the caller answers from SQL (the oracle), so the first report after a restart is as fast
 * as SQL, never a timeout. {@link #warm} starts a load ahead of any request (recently active workspaces at
 * start).</li>
 * <li><b>Budget.</b> The weights of all views (the store's unit: rows, touchpoints) stay within
 * {@link SnapshotSettings#maxWeight()}: the least recently used workspaces are dropped first, idle ones after
 * {@link SnapshotSettings#idle()} ({@link #evictIdle}); a workspace heavier than the whole budget (or whose source
 * throws {@link TooBig}) is answered by SQL for {@link SnapshotSettings#recheck()}.</li>
 * </ul>
 *
 * <p>Why not Caffeine (which quarkus-cache brings): its size policy (W-TinyLFU) may refuse the very workspace a
 * user just loaded in favour of one used more often, and a weight is fixed when an entry is written while a view
 * grows with every refresh; the budget here is exact and strictly least-recently-used.
 *
 * @param <W> the per-workspace state the source keeps between refreshes (dictionaries, watermark), used only
 *        under the workspace's lock
 * @param <V> the immutable view answered to readers
 * @param <P> what a read passes to the refresh (settings the view depends on); may be {@link Void}
 */
public final class WorkspaceSnapshots<W, V, P> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkspaceSnapshots.class);

    /** What a store provides: its per-workspace state and how to bring it up to date. */
    public interface Source<W, V, P> {

        /** A new, empty state for the workspace (nothing loaded). */
        W open(UUID workspaceId);

        /**
         * Brings the state up to date and answers its view: a full load when {@code previous} is null, else the
         * changes since the state's watermark. Called under the workspace's lock, one refresh at a time.
         */
        V refresh(W state, V previous, P parameter) throws SQLException, TooBig;

        /** Whether {@code view} can answer a read with {@code parameter} without a refresh (default: yes). */
        default boolean answers(V view, P parameter) {
            return true;
        }

        /** The view's weight in the budget's unit. */
        long weight(V view);
    }

    private final class Slot {
        final UUID workspaceId;
        final ReentrantLock lock = new ReentrantLock();
        W state;
        volatile V view;
        /** System.nanoTime() at the start of the last successful refresh. */
        long refreshStarted;
        volatile long lastUsed;
        CompletableFuture<Void> loading;
        /** Counted in {@code total}; guarded by lruLock. */
        long weight;
        boolean evicted;

        Slot(UUID workspaceId) {
            this.workspaceId = workspaceId;
            this.state = source.open(workspaceId);
        }
    }

    private final String name;
    private final Source<W, V, P> source;
    private final SnapshotSettings settings;
    private final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock lruLock = new ReentrantLock();
    /** Access-ordered: the first is the least recently used. Guarded by lruLock. */
    private final LinkedHashMap<UUID, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
    private long total;
    /** Workspaces above the budget, with the System.nanoTime() until which SQL answers them. */
    private final Map<UUID, Long> tooBig = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();

    /** {@code name} names the store in logs ("summary store", "journey store"). */
    public WorkspaceSnapshots(String name, SnapshotSettings settings, Source<W, V, P> source) {
        this.name = name;
        this.settings = settings;
        this.source = source;
    }

    public SnapshotSettings settings() {
        return settings;
    }

    /**
     * The workspace's view as of this call (every write committed before it applied), or null when SQL must answer:
     * the store is off, the workspace is above the budget, or it is being loaded in the background.
     */
    public V view(UUID workspaceId, P parameter) throws SQLException {
        if (settings.maxWeight() <= 0 || heavy(workspaceId)) {
            return null;
        }
        long arrived = System.nanoTime();
        Slot slot = slot(workspaceId);
        slot.lastUsed = arrived;
        if (settings.loadInBackground() && slot.view == null) {
            load(slot, parameter);
            return null;
        }
        return current(slot, parameter, arrived);
    }

    /**
     * Starts loading the workspace in the background unless it is held or already loading; the future completes
     * when the load is done (normally or not: a failed load is logged and retried by the next read).
     */
    public CompletableFuture<Void> warm(UUID workspaceId, P parameter) {
        if (settings.maxWeight() <= 0 || heavy(workspaceId)) {
            return CompletableFuture.completedFuture(null);
        }
        Slot slot = slot(workspaceId);
        slot.lastUsed = System.nanoTime();
        if (slot.view != null) {
            return CompletableFuture.completedFuture(null);
        }
        return load(slot, parameter);
    }

    /** The view held for the workspace, as it is (not refreshed, not counted as a use); null when none is. */
    public V held(UUID workspaceId) {
        lruLock.lock();
        try {
            Slot slot = slots.get(workspaceId);
            return slot == null ? null : slot.view;
        } finally {
            lruLock.unlock();
        }
    }

    /** How many times a workspace was loaded whole since the store started. */
    public long loads() {
        return loads.get();
    }

    /** The weight held over all workspaces. */
    public long weight() {
        lruLock.lock();
        try {
            return total;
        } finally {
            lruLock.unlock();
        }
    }

    /** The workspaces held, most recently used last. */
    public List<UUID> workspaces() {
        lruLock.lock();
        try {
            List<UUID> ids = new ArrayList<>();
            for (Slot s : slots.values()) {
                if (s.view != null) {
                    ids.add(s.workspaceId);
                }
            }
            return ids;
        } finally {
            lruLock.unlock();
        }
    }

    /** Drops the workspaces not asked for during {@link SnapshotSettings#idle()}. */
    public void evictIdle() {
        long now = System.nanoTime();
        long idle = settings.idle().toNanos();
        lruLock.lock();
        try {
            for (Iterator<Slot> it = slots.values().iterator(); it.hasNext(); ) {
                Slot s = it.next();
                if (now - s.lastUsed > idle && s.loading == null) {
                    it.remove();
                    forget(s);
                }
            }
        } finally {
            lruLock.unlock();
        }
    }

    /** Forgets every workspace (a read in progress finishes with what it has; the next one starts afresh). */
    public void clear() {
        lruLock.lock();
        try {
            slots.values().forEach(this::forget);
            slots.clear();
            tooBig.clear();
        } finally {
            lruLock.unlock();
        }
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }

    private boolean heavy(UUID workspaceId) {
        Long until = tooBig.get(workspaceId);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        tooBig.remove(workspaceId, until);
        return false;
    }

    private Slot slot(UUID workspaceId) {
        lruLock.lock();
        try {
            return slots.computeIfAbsent(workspaceId, Slot::new);
        } finally {
            lruLock.unlock();
        }
    }

    private CompletableFuture<Void> load(Slot slot, P parameter) {
        CompletableFuture<Void> started;
        slot.lock.lock();
        try {
            if (slot.loading != null) {
                return slot.loading;
            }
            started = new CompletableFuture<>();
            slot.loading = started;
        } finally {
            slot.lock.unlock();
        }
        try {
            loader.execute(() -> {
                try {
                    current(slot, parameter, System.nanoTime());
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf(e, "%s: loading workspace %s failed; its reads are answered from SQL", name,
                            slot.workspaceId);
                } finally {
                    slot.lock.lock();
                    try {
                        slot.loading = null;
                    } finally {
                        slot.lock.unlock();
                    }
                    started.complete(null);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
            slot.loading = null;
            started.complete(null);
        }
        return started;
    }

    private V current(Slot slot, P parameter, long arrived) throws SQLException {
        V view;
        slot.lock.lock();
        try {
            view = slot.view;
            if (view == null || slot.refreshStarted - arrived < 0 || !source.answers(view, parameter)) {
                long started = System.nanoTime();
                boolean full = view == null;
                try {
                    view = source.refresh(slot.state, view, parameter);
                } catch (TooBig e) {
                    view = null;
                } catch (SQLException | RuntimeException e) {
                    // The state may be half updated: the next read starts from nothing.
                    slot.state = source.open(slot.workspaceId);
                    slot.view = null;
                    throw e;
                }
                if (view != null && source.weight(view) > settings.maxWeight()) {
                    view = null;
                }
                if (view == null) {
                    slot.state = source.open(slot.workspaceId);
                    slot.view = null;
                } else {
                    if (full) {
                        loads.incrementAndGet();
                    }
                    slot.view = view;
                    slot.refreshStarted = started;
                }
            }
        } finally {
            slot.lock.unlock();
        }
        if (view == null) {
            tooBig.put(slot.workspaceId, System.nanoTime() + settings.recheck().toNanos());
            drop(slot);
            LOG.infof("%s: workspace %s is above the budget of %d; its reads are answered from SQL", name,
                    slot.workspaceId, settings.maxWeight());
            return null;
        }
        account(slot, source.weight(view));
        return view;
    }

    /** Counts the slot's new weight and drops least recently used workspaces (never this one) to fit. */
    private void account(Slot slot, long weight) {
        lruLock.lock();
        try {
            if (slot.evicted) {
                return;
            }
            total += weight - slot.weight;
            slot.weight = weight;
            for (Iterator<Slot> lru = slots.values().iterator(); total > settings.maxWeight() && lru.hasNext(); ) {
                Slot oldest = lru.next();
                if (oldest == slot || oldest.view == null) {
                    continue;
                }
                lru.remove();
                forget(oldest);
                LOG.debugf("%s: dropped workspace %s (least recently used)", name, oldest.workspaceId);
            }
        } finally {
            lruLock.unlock();
        }
    }

    private void drop(Slot slot) {
        lruLock.lock();
        try {
            if (slots.remove(slot.workspaceId, slot)) {
                forget(slot);
            }
        } finally {
            lruLock.unlock();
        }
    }

    /** Guarded by lruLock, after the slot left the map. */
    private void forget(Slot slot) {
        if (!slot.evicted) {
            slot.evicted = true;
            total -= slot.weight;
        }
    }
}
