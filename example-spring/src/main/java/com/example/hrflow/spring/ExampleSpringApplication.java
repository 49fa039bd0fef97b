package com.example.hrflow.spring;

import com.example.hrflow.PrintingHooks;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The example as a Spring Boot application: the same handler interface ({@code RecruitingHooks}) and
 * handler as the {@code example} module, declared as a bean. The starter serves it on {@code
 * /webhooks}, verified with {@code hrflow.webhook.secret} (from {@code HRFLOW_WEBHOOK_SECRET}).
 */
@SpringBootApplication
public class ExampleSpringApplication {

  @Bean
  PrintingHooks recruitingHooks() {
    return new PrintingHooks(System.out);
  }

  public static void main(String[] args) {
    SpringApplication.run(ExampleSpringApplication.class, args);
  }
}
