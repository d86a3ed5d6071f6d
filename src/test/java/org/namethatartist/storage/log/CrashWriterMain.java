package org.namethatartist.storage.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The child process of {@link CrashRecoveryTests}: writes to a store until it is killed.
 *
 * <p>Threads {@code 0..WRITERS-1} put {@code w<t> = n} with {@code n} counting up from what the store
 * held. One more thread merges {@code {"c": {"n": n, "check": checksum(n)}, "cn": n}} in one record,
 * so a recovered store must show both halves of the same {@code n}. Before each append a thread prints
 * {@code TRY <key> <n>}, after it returns {@code ACK <key> <n>}. Every {@value #COMPACT_EVERY} writes
 * the writer that made it compacts, between {@code COMPACT START} and {@code COMPACT END}.
 */
public final class CrashWriterMain {

	static final int WRITERS = 3;

	static final int COMPACT_EVERY = 300;

	static final String STORE = "crash";

	/** Unbuffered: each line is one write(2), so nothing else written to stdout can land inside it. */
	private static final java.io.FileOutputStream OUT = new java.io.FileOutputStream(java.io.FileDescriptor.out);

	private CrashWriterMain() {
	}

	static long checksum(long n) {
		return (n * 0x9E3779B97F4A7C15L) ^ (n >>> 7) ^ 0x5DEECE66DL;
	}

	public static void main(String[] args) throws Exception {
		LogTestSupport.quietEngineLogs();
		Path data = Path.of(args[0]);
		DataDirLock lock = DataDirLock.acquire(data);
		LogTestSupport.MapState state = new LogTestSupport.MapState();
		AppendLog<JsonNode> store = AppendLog.open(STORE, data, LogTestSupport.MAPPER, LogTestSupport.JSON, state,
				LogOptions.defaults());
		AtomicLong writes = new AtomicLong();
		Thread[] threads = new Thread[WRITERS + 1];
		for (int t = 0; t <= WRITERS; t++) {
			boolean merger = t == WRITERS;
			String key = merger ? "cn" : "w" + t;
			JsonNode stored = state.map.get(key);
			long start = (stored == null) ? 1 : stored.asLong() + 1;
			say("START " + key + " " + start);
			threads[t] = new Thread(() -> {
				for (long n = start;; n++) {
					Mutation<JsonNode> mutation;
					if (merger) {
						ObjectNode c = JsonNodeFactory.instance.objectNode();
						c.put("n", n);
						c.put("check", checksum(n));
						Map<String, JsonNode> both = new LinkedHashMap<>();
						both.put("c", c);
						both.put("cn", JsonNodeFactory.instance.numberNode(n));
						mutation = new Mutation.Merge<>(both);
					}
					else {
						mutation = new Mutation.Put<>(key, JsonNodeFactory.instance.numberNode(n));
					}
					say("TRY " + key + " " + n);
					store.append(mutation, () -> LogTestSupport.applyTo(state.map, mutation));
					say("ACK " + key + " " + n);
					if (writes.incrementAndGet() % COMPACT_EVERY == 0) {
						say("COMPACT START");
						store.compact();
						say("COMPACT END");
					}
				}
			}, "writer-" + key);
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		store.close();
		lock.close();
	}

	private static void say(String line) {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		synchronized (OUT) {
			try {
				OUT.write(bytes);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

}
