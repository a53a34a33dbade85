package org.safeguarding.chronology.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChronologyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChronologyServiceApplication.class, args);
    }
}
