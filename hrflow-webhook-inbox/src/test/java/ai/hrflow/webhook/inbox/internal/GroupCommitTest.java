package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void concurrentWritesAreBatchedAndEachWrittenOnce() throws Exception {
    assertBatchedAndWrittenOnce(1);
  }

  @Test
  void withTwoWritersAtMostTwoBatchesAreInFlightAndEachItemIsWrittenOnce() throws Exception {
    assertBatchedAndWrittenOnce(2);
  }

  private static void assertBatchedAndWrittenOnce(int writers) throws Exception {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              int now = inside.incrementAndGet();
              most.accumulateAndGet(now, Math::max);
              assertTrue(now <= writers, "at most " + writers + " leaders write at a time");
              batches.add(List.copyOf(batch));
              try {
                Thread.sleep(2); // a commit takes time: others queue meanwhile
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inside.decrementAndGet();
              return batch.stream().map(item -> item * 10).toList();
            },
            item -> 1,
            50,
            writers);
    ExecutorService threads = Executors.newFixedThreadPool(32);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int item = i;
      outcomes.add(threads.submit(() -> commit.write(item)));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(i * 10, outcomes.get(i).get(30, TimeUnit.SECONDS), "each writer gets its own outcome");
    }
    threads.shutdown();
    Map<Integer, Integer> written = new ConcurrentHashMap<>();
    batches.forEach(batch -> batch.forEach(item -> written.merge(item, 1, Integer::sum)));
    assertEquals(2000, written.size());
    assertTrue(written.values().stream().allMatch(count -> count == 1), "each item written once");
    assertTrue(batches.stream().allMatch(batch -> batch.size() <= 50), "batches respect the limit");
    assertTrue(batches.size() < 1000, "writes were grouped: " + batches.size() + " batches for 2000 writes");
    assertEquals(writers, most.get(), writers + " batches were in flight at once");
  }

  @Test
  void aBadItemFailsAloneAndAnUnreachableDatabaseFailsEveryone() throws Exception {
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              if (batch.contains(13)) {
                throw new SQLException("value too long", "22001");
              }
              return batch;
            },
            item -> 1,
            100);
    SQLException bad = assertThrows(SQLException.class, () -> commit.write(13));
    assertEquals("22001", bad.getSQLState());
    assertEquals(12, commit.write(12));

    assertTrue(GroupCommit.unreachable(new SQLTransientConnectionException("pool timeout")));
    assertTrue(GroupCommit.unreachable(new IllegalStateException(new SQLException("I/O error", "08006"))));
    assertTrue(!GroupCommit.unreachable(new SQLException("value too long", "22001")));
  }

  @Test
  void anInterruptedWriterStillGetsItsOutcomeAndKeepsItsInterrupt() throws Exception {
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              writing.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return batch;
            },
            item -> 1,
            100);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<Integer> leader = threads.submit(() -> commit.write(1));
    writing.await();
    Future<Object[]> follower =
        threads.submit(
            () -> {
              Thread.currentThread().interrupt();
              Integer outcome = commit.write(2);
              return new Object[] {outcome, Thread.currentThread().isInterrupted()};
            });
    Thread.sleep(100);
    release.countDown();
    assertEquals(1, leader.get(10, TimeUnit.SECONDS));
    Object[] result = follower.get(10, TimeUnit.SECONDS);
    assertEquals(2, result[0]);
    assertEquals(true, result[1], "the interrupt is kept for the caller");
    threads.shutdown();
  }

  @Test
  void aSubmittedItemIsWrittenAtOnceByItsThreadWhenNoBatchIsInFlight() throws Exception {
    List<String> writtenBy = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              writtenBy.add(Thread.currentThread().getName());
              return batch.stream().map(item -> item * 10).toList();
            },
            item -> 1,
            50,
            2);
    AtomicInteger outcome = new AtomicInteger();
    commit.submit(4, (written, failure) -> outcome.set(failure == null ? written : -1));
    assertEquals(40, outcome.get(), "written before submit returned");
    assertEquals(List.of(Thread.currentThread().getName()), writtenBy);
  }

  @Test
  void submittedItemsDoNotWaitForTheBatchInFlightAndGoWithALaterOneEvenWithNoThreadLeftWaiting() throws Exception {
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              batches.add(List.copyOf(batch));
              if (batch.contains(0)) {
                writing.countDown();
                try {
                  release.await(); // the first batch is in flight until released
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }
              if (batch.contains(13)) {
                throw new SQLException("value too long", "22001");
              }
              return batch.stream().map(item -> item * 10).toList();
            },
            item -> 1,
            50,
            1);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    Future<Integer> first = threads.submit(() -> commit.write(0));
    assertTrue(writing.await(10, TimeUnit.SECONDS));
    Map<Integer, Object> outcomes = new ConcurrentHashMap<>();
    List<String> calledOn = new CopyOnWriteArrayList<>();
    for (int item : new int[] {1, 2, 13}) {
      commit.submit(
          item,
          (written, failure) -> {
            outcomes.put(item, failure == null ? written : failure);
            calledOn.add(Thread.currentThread().getName());
          });
    }
    assertTrue(outcomes.isEmpty(), "submit returned without waiting for the batch in flight");
    release.countDown();
    assertEquals(0, first.get(10, TimeUnit.SECONDS));
    threads.shutdown();
    assertEquals(10, outcomes.get(1));
    assertEquals(20, outcomes.get(2));
    assertTrue(outcomes.get(13) instanceof SQLException, "a bad submitted item fails alone: " + outcomes.get(13));
    assertEquals(List.of(List.of(0), List.of(1, 2, 13), List.of(1), List.of(2), List.of(13)), batches, "the first writer's thread wrote the submitted items after its own");
    assertTrue(calledOn.stream().allMatch(name -> name.startsWith("pool-")), "callbacks ran on the thread that wrote them: " + calledOn);
    AtomicInteger later = new AtomicInteger();
    commit.submit(3, (written, failure) -> later.set(written));
    assertEquals(30, later.get(), "the lead was given back: the next item is written at once");
  }

  @Test
  void withWriterThreadsOfItsOwnTheyWriteEveryBatchAndCloseStopsThemOnceNothingWaits() throws Exception {
    List<String> writtenBy = new CopyOnWriteArrayList<>();
    Map<Integer, Integer> written = new ConcurrentHashMap<>();
    GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            batch -> {
              writtenBy.add(Thread.currentThread().getName());
              batch.forEach(item -> written.merge(item, 1, Integer::sum));
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return batch.stream().map(item -> item * 10).toList();
            },
            item -> 1,
            50,
            2,
            "test-commit-");
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<Future<Integer>> outcomes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int item = i;
      outcomes.add(threads.submit(() -> commit.write(item)));
    }
    Map<Integer, Integer> submitted = new ConcurrentHashMap<>();
    for (int i = 500; i < 600; i++) {
      int item = i;
      commit.submit(item, (outcome, failure) -> submitted.put(item, outcome));
    }
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(i * 10, outcomes.get(i).get(30, TimeUnit.SECONDS));
    }
    threads.shutdown();
    commit.close(); // what was submitted is written before the writers end
    assertEquals(100, submitted.size());
    assertEquals(600, written.size());
    assertTrue(written.values().stream().allMatch(count -> count == 1), "each item written once");
    assertTrue(writtenBy.stream().allMatch(name -> name.startsWith("test-commit-")), "only the writer threads write: " + new java.util.TreeSet<>(writtenBy));
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().startsWith("test-commit-")), "closed: the writer threads ended");
    SQLException refused = assertThrows(SQLException.class, () -> commit.write(1));
    assertEquals("08003", refused.getSQLState(), "a closed group commit refuses, as an unreachable database would");
  }
}
