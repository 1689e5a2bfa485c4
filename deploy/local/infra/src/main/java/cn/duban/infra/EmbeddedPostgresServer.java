package cn.duban.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server from Maven Central's embedded binaries, for machines with a JDK and no PostgreSQL.
 * Usage: {@code EmbeddedPostgresServer <port> <data-dir>}; runs until killed. PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        File data = new File(args[1]);
        data.mkdirs();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
            }
        }));
        System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }
}
