package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A place messages go: a robot in a group chat, a mailbox list or a department's webhook. */
@Entity
@Table(name = "receiver")
public class Receiver extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receiver_seq")
    @SequenceGenerator(name = "receiver_seq", sequenceName = "receiver_seq", allocationSize = 1)
    public Long id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ReceiverKind kind;
    /** The URL sealed with the notifier's key (SecretBox): a robot's URL carries its access token. */
    public String urlSealed;
    /** The URL with its tokens masked, for the office's page. */
    public String urlShown;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> recipients = List.of();
    /** The secret sealed with the notifier's key (SecretBox); null when the receiver has none. */
    public String secretSealed;
    /** zh (default) or en: the language of its messages. */
    public String language = "zh";
    public boolean provisioned;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime updatedAt;
    public String updatedBy;

    public static Optional<Receiver> named(String name) {
        return find("name", name).firstResultOptional();
    }

    public static List<Receiver> allByName() {
        return list("order by name");
    }
}
