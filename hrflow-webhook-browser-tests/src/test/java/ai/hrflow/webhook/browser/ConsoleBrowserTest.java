package ai.hrflow.webhook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.DispatchResult;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The delivery console in Debian's Chromium, headless: a signed call appears in the list, its detail
 * shows the payload, a replay and a sample appear and are handled, and a payload made to run script
 * is shown as text. A screenshot of each state is written to {@code target/console-screenshots}.
 */
class ConsoleBrowserTest {

  private static final String SECRET = "browser-test-secret";
  private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
  private static final String XSS = "<img src=x onerror=alert(1)>";
  private static final String SCRIPT = "<script>document.title='pwned'</script>";

  private final List<String> handled = new CopyOnWriteArrayList<>();
  private WebhookServer server;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    assertTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
        "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
    WebhookDispatcher dispatcher =
        new WebhookDispatcher() {
          @Override
          public DispatchResult dispatch(WebhookEvent event) {
            handled.add(event.type());
            return DispatchResult.HANDLED;
          }

          @Override
          public Set<String> handledTypes() {
            return Set.of("profile.parsing.success", "job.parsing.success");
          }
        };
    WebhookReceiver receiver = WebhookReceiver.builder().secret(SECRET).dispatcher(dispatcher).build();
    server = WebhookServer.builder().host("127.0.0.1").port(0).receiver(receiver).console(true).start();
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,900");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build(), options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private int post(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks"))
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.BODY_HEX, SECRET, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#deliveries tbody tr"));
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  private void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theConsoleShowsReplaysAndSendsAndNeverRunsAPayload() throws Exception {
    browser.get("http://localhost:" + server.port() + "/console");
    waiting().until(page -> browser.findElements(By.cssSelector("#sample-type option")).size() > 5);

    // A signed call appears in the list without a reload.
    String json =
        "{\"type\":\"profile.parsing.success\",\"origin\":\"api\",\"message\":\"ok\",\"profile\":{\"key\":\"p-1\",\"info\":{\"full_name\":\"" + XSS
            + "\",\"email\":\"ada@example.com\"},\"summary\":\"" + SCRIPT + "\",\"skills\":[{\"name\":\"Java\"}]}}";
    assertEquals(200, post(json));
    waiting().until(page -> rows().size() == 1);
    assertTrue(rows().get(0).getText().contains("BODY_HEX"), rows().get(0).getText());
    assertTrue(rows().get(0).getText().contains("profile.parsing.success"));
    screenshot("1-list");

    // The detail view shows the payload as formatted JSON, the outcome, and the XSS as text.
    rows().get(0).click();
    waiting().until(page -> browser.findElement(By.id("detail")).isDisplayed() && !browser.findElements(By.cssSelector(".event-json")).isEmpty());
    String detail = browser.findElement(By.id("detail")).getText();
    assertTrue(detail.contains("ada@example.com"), detail);
    assertTrue(detail.contains("handled"), detail);
    assertTrue(detail.contains(XSS), "the payload's markup is shown as text: " + detail);
    assertTrue(detail.contains(SCRIPT), "the payload's script is shown as text");
    assertTrue(detail.contains("(redacted"), "the signature header is redacted");
    assertEquals(0, browser.findElements(By.cssSelector("#detail img, #detail script")).size(), "no element was made from the payload");
    assertEquals("HrFlow webhook deliveries", browser.getTitle(), "no script from the payload ran");
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    screenshot("2-detail");

    // Replay: the original bytes and headers through the real receive path, verified again.
    browser.findElement(By.id("replay")).click();
    waiting().until(page -> rows().size() == 2);
    assertTrue(rows().get(0).getText().contains("replay of #1"), rows().get(0).getText());
    assertTrue(rows().get(0).getText().contains("200"));
    screenshot("3-replay");

    // A sample of a chosen type, signed with the server's secret, handled.
    new Select(browser.findElement(By.id("sample-type"))).selectByVisibleText("job.parsing.success");
    browser.findElement(By.id("send-sample")).click();
    waiting().until(page -> rows().size() == 3);
    assertTrue(rows().get(0).getText().contains("sample"), rows().get(0).getText());
    assertTrue(rows().get(0).getText().contains("job.parsing.success"));
    rows().get(0).click();
    waiting().until(page -> browser.findElement(By.id("detail-title")).getText().equals("Delivery #3"));
    assertTrue(browser.findElement(By.id("detail")).getText().contains("handled"));
    screenshot("4-sample");
    assertEquals(List.of("profile.parsing.success", "profile.parsing.success", "job.parsing.success"), handled);
  }
}
