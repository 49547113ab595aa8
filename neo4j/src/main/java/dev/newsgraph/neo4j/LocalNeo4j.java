package dev.newsgraph.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community embedded with Bolt on 127.0.0.1, for development and CI.
 *
 * <p>Usage: {@code LocalNeo4j --port <port> --data <dir>}; the password of the {@code neo4j} user
 * comes from {@code NEO4J_PASSWORD}. Port 0 takes a free port. One line on stdout,
 * {@code NEO4J_URI=bolt://127.0.0.1:<port>}, once Bolt accepts connections; SIGTERM stops it cleanly.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    int port = 7687;
    Path data = Path.of("data", "neo4j");
    String pageCache = System.getenv().getOrDefault("NEO4J_PAGECACHE", "512m");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--data" -> data = Path.of(value(args, ++i, "--data"));
        default -> fail("unknown option " + args[i] + " (usage: --port <port> --data <dir>)");
      }
    }
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set to at least 8 characters (Neo4j 5 refuses shorter passwords)");
    }

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "neo4j-shutdown"));

    // The user store lives in the system database. A start on a folder that already has this password
    // (every start after the first) is refused as "the same password": that is the state wanted.
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              java.util.Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        // Exit, or the database's own threads keep the JVM running without Bolt ever announced.
        fail("cannot set the password of user neo4j: " + e.getMessage());
      }
    }

    GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    int bound = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT).getPort();
    awaitAccepting(bound, Duration.ofSeconds(60));
    System.out.println("NEO4J_URI=bolt://127.0.0.1:" + bound);
    System.out.flush();
    stopped.await();
  }

  private static void awaitAccepting(int port, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) fail("Bolt did not accept connections on port " + port);
        Thread.sleep(100);
      }
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) fail(option + " needs a value");
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("local-neo4j: " + message);
    System.exit(2);
  }
}
