package org.partnershipgraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the partnership-graph GraphQL service. */
@SpringBootApplication
public class PartnershipGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnershipGraphApplication.class, args);
    }
}
