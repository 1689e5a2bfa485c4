package cn.duban.notifier.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** A notice in a group, and the notice version the group last announced (0: never announced). */
@Entity
@Table(name = "group_member")
public class GroupMember extends PanacheEntityBase {

    @Embeddable
    public record Key(String groupId, String noticeId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public int notifiedVersion;

    public static List<GroupMember> of(String groupId) {
        return list("key.groupId = ?1", groupId);
    }
}
