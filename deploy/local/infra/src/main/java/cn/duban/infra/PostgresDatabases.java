package cn.duban.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates each service's database if it is missing, or with {@code --drop} first removes each that exists (make
 * clean). Usage: {@code PostgresDatabases [--drop] <host> <port> <user> <db>...}.
 * Exit 0: all exist (or are gone); 3: no server answers (the caller may start an embedded one); 1: anything else.
 */
public final class PostgresDatabases {

    public static void main(String[] arguments) {
        boolean drop = arguments.length > 0 && arguments[0].equals("--drop");
        String[] args = drop ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 4) {
            System.err.println("usage: PostgresDatabases [--drop] <host> <port> <user> <database>...");
            System.exit(2);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres?connectTimeout=3";
        try (Connection connection = DriverManager.getConnection(url, args[2], "")) {
            for (int i = 3; i < args.length; i++) {
                if (drop) {
                    drop(connection, args[i]);
                } else {
                    ensure(connection, args[i]);
                }
            }
        } catch (SQLException e) {
            boolean unreachable = "08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState());
            System.err.println((unreachable ? "no PostgreSQL answers at " : "PostgreSQL error at ")
                    + args[0] + ":" + args[1] + ": " + e.getMessage());
            System.exit(unreachable ? 3 : 1);
        }
    }

    private static void drop(Connection connection, String database) throws SQLException {
        if (!database.matches("duban_[a-z0-9_]*")) {
            throw new SQLException("refusing to drop " + database + ": only Duban's own databases");
        }
        try (Statement statement = connection.createStatement()) {
            // "with (force)": a service left running must not keep make clean from finishing
            statement.execute("drop database if exists " + database + " with (force)");
            System.out.println("dropped database " + database);
        }
    }

    private static void ensure(Connection connection, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new SQLException("refusing odd database name " + database);
        }
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + database);
            System.out.println("created database " + database);
        } catch (SQLException e) {
            // Two starters racing: the other one created it.
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
