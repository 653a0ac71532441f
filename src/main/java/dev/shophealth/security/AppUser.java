package dev.shophealth.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A user of the API, checked by HTTP Basic; a merchant is bound to the shops in {@code shopIds}. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends PanacheEntityBase {
    @Id
    @Username
    public String username;
    @Password(PasswordType.MCF)
    public String password;
    @Roles
    public String role;
    @Column(name = "shop_ids")
    public String shopIds;

    public Set<String> shops() {
        return shopIds == null || shopIds.isBlank() ? Set.of()
                : Arrays.stream(shopIds.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
