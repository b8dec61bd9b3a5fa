package dev.nexios.spring.sample.webflux.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives Swagger UI in headless Chromium (Debian packages {@code chromium} and {@code chromium-driver},
 * used from {@code /usr/bin}; Selenium Manager never downloads anything) the way a user does: the
 * Authorize dialog, "Try it out", "Execute". Saves screenshots under
 * {@code target/swagger-ui-screenshots/}.
 */
final class SwaggerUi implements AutoCloseable {

	/** Debian's Chromium; another binary can be given with {@code -Dnexios.test.chromium=...}. */
	static final Path CHROMIUM = Path.of(System.getProperty("nexios.test.chromium", "/usr/bin/chromium"));

	/** Debian's chromedriver; another one can be given with {@code -Dnexios.test.chromedriver=...}. */
	static final Path CHROMEDRIVER = Path.of(System.getProperty("nexios.test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "swagger-ui-screenshots");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Path userDataDir;

	private SwaggerUi(ChromeDriver driver, Path userDataDir) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		this.userDataDir = userDataDir;
	}

	/**
	 * Starts a fresh headless Chromium, or skips the test when Chromium or its driver is not installed.
	 * @return the browser
	 */
	static SwaggerUi start() {
		assumeInstalled();
		try {
			Path userDataDir = Files.createTempDirectory("nexios-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--window-size=1280,1600", "--user-data-dir=" + userDataDir);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new SwaggerUi(new ChromeDriver(service, options), userDataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Skips the calling test, with a message saying how to install them, when Chromium or its driver
	 * is missing; on CI (environment variable {@code CI=true}) fails it instead, since CI must run them.
	 */
	static void assumeInstalled() {
		String message = CHROMIUM + " or " + CHROMEDRIVER
				+ " is missing. Install them with: apt-get install chromium chromium-driver (CI installs them in .ci/run)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(isInstalled()).as("Swagger UI browser tests cannot run on CI: " + message).isTrue();
		}
		assumeTrue(isInstalled(), "Swagger UI browser tests skipped: " + message);
	}

	static boolean isInstalled() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Opens Swagger UI and waits until it rendered the operations.
	 * @param url the Swagger UI URL
	 */
	void open(String url) {
		this.driver.get(url);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
	}

	/**
	 * Every operation shown, with whether it has a padlock.
	 * @return "METHOD /path" to padlock shown
	 */
	Map<String, Boolean> padlocks() {
		Map<String, Boolean> result = new LinkedHashMap<>();
		for (WebElement block : this.driver.findElements(By.cssSelector(".opblock"))) {
			String method = block.findElement(By.cssSelector(".opblock-summary-method")).getText().trim();
			String path = block.findElement(By.cssSelector("[data-path]")).getDomAttribute("data-path");
			boolean padlock = !block.findElements(By.cssSelector(".opblock-summary .authorization__btn")).isEmpty();
			result.put(method + " " + path, padlock);
		}
		return result;
	}

	void openAuthorizeDialog() {
		click(this.driver.findElement(By.cssSelector(".auth-wrapper .btn.authorize")));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
	}

	void closeAuthorizeDialog() {
		click(this.driver.findElement(By.cssSelector(".modal-ux .close-modal")));
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal-ux"), 0));
	}

	/**
	 * The text of each scheme's section of the open Authorize dialog.
	 * @return the sections' texts
	 */
	List<String> authorizeDialogSections() {
		return this.driver.findElements(By.cssSelector(".modal-ux .auth-container"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * The section of one scheme in the open Authorize dialog.
	 */
	WebElement scheme(String name) {
		return this.driver.findElement(By.xpath("//div[contains(@class,'modal-ux')]//div[contains(@class,'auth-container')]"
				+ "[.//h4[starts-with(normalize-space(.), '" + name + "')]]"));
	}

	/**
	 * Logs in through the password flow of an OAuth2 scheme, in the open Authorize dialog, and waits
	 * until Swagger UI shows it authorized.
	 */
	void passwordLogin(String scheme, String username, String password) {
		WebElement section = scheme(scheme);
		section.findElement(By.id("oauth_username")).sendKeys(username);
		section.findElement(By.id("oauth_password")).sendKeys(password);
		click(section.findElement(By.cssSelector("button.authorize")));
		this.wait.until((driver) -> !scheme(scheme).findElements(By.xpath(".//button[normalize-space(.)='Logout']"))
			.isEmpty() || !scheme(scheme).findElements(By.cssSelector(".errors")).isEmpty());
	}

	/**
	 * Enters a value for an API key or HTTP scheme in the open Authorize dialog and applies it.
	 */
	void authorizeValue(String scheme, String value) {
		WebElement section = scheme(scheme);
		section.findElement(By.cssSelector("input[type=text], input[type=password]")).sendKeys(value);
		click(section.findElement(By.cssSelector("button.authorize")));
		this.wait.until((driver) -> !scheme(scheme).findElements(By.xpath(".//button[normalize-space(.)='Logout']"))
			.isEmpty());
	}

	void logout(String scheme) {
		click(scheme(scheme).findElement(By.xpath(".//button[normalize-space(.)='Logout']")));
		this.wait.until((driver) -> !scheme(scheme).findElements(By.xpath(".//button[normalize-space(.)='Authorize']"))
			.isEmpty());
	}

	/**
	 * The access token that Swagger UI holds for an OAuth2 scheme after a login.
	 */
	String accessToken(String scheme) {
		Object token = ((JavascriptExecutor) this.driver).executeScript(
				"const a = window.ui.authSelectors.authorized().toJS()[arguments[0]];"
						+ " return a && a.token ? a.token.access_token : null;", scheme);
		return (String) token;
	}

	/**
	 * Runs "Try it out" and "Execute" on an operation and returns the status that Swagger UI shows.
	 * @param method the HTTP method, e.g. {@code GET}
	 * @param path the documented path
	 * @return the response status shown under "Server response"
	 */
	int tryItOut(String method, String path) {
		WebElement block = operation(method, path);
		if (block.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
			click(block.findElement(By.cssSelector(".opblock-summary-control")));
		}
		block = operation(method, path);
		List<WebElement> tryOut = block.findElements(By.cssSelector(".try-out__btn:not(.cancel)"));
		if (!tryOut.isEmpty()) {
			click(tryOut.get(0));
		}
		List<WebElement> clears = operation(method, path).findElements(By.cssSelector(".btn-clear"));
		if (!clears.isEmpty()) {
			click(clears.get(0));
			this.wait.until((driver) -> operation(method, path)
				.findElements(By.cssSelector(".live-responses-table")).isEmpty());
		}
		click(operation(method, path).findElement(By.cssSelector("button.execute")));
		WebElement status = this.wait.until((driver) -> {
			List<WebElement> cells = operation(method, path)
				.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
			return cells.isEmpty() ? null : cells.get(0);
		});
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", status);
		return Integer.parseInt(status.getText().trim().split("\\s+")[0]);
	}

	private WebElement operation(String method, String path) {
		return this.driver.findElement(By.xpath("//div[contains(@class,'opblock-" + method.toLowerCase() + "')]"
				+ "[.//*[@data-path='" + path + "']]"));
	}

	private void click(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/**
	 * Saves a screenshot of the viewport.
	 * @param name the file name, without extension
	 * @return the saved file
	 */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File file = this.driver.getScreenshotAs(OutputType.FILE);
			return Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves a screenshot of the whole open Authorize dialog: the window is made tall enough for the
	 * dialog to show every scheme without scrolling, then restored.
	 * @param name the file name, without extension
	 */
	void screenshotAuthorizeDialog(String name) {
		Dimension size = this.driver.manage().window().getSize();
		JavascriptExecutor js = this.driver;
		Number height = (Number) js.executeScript("const c = document.querySelector('.modal-ux-content');"
				+ " c.style.maxHeight = 'none'; c.scrollTop = 0;"
				+ " return document.querySelector('.modal-ux-inner').scrollHeight;");
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), height.intValue() + 400));
		screenshot(name);
		js.executeScript("document.querySelector('.modal-ux-content').style.maxHeight = '';");
		this.driver.manage().window().setSize(size);
	}

	void scrollToTop() {
		((JavascriptExecutor) this.driver).executeScript("window.scrollTo(0, 0);");
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.userDataDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}
