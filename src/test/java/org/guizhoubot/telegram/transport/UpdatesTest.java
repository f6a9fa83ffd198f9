package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The edge: telegrambots updates (read from Bot API JSON) translated into {@link Incoming} records. */
class UpdatesTest {
  private final ObjectMapper json = new ObjectMapper();
  private final Updates updates = new Updates(new BotApi.Identity(7001, "GuizhouTestBot"));

  private Optional<Incoming> translate(String updateJson) throws Exception {
    return updates.translate(json.readValue(updateJson.replace('\'', '"'), Update.class));
  }

  private static String message(String chat, String rest) {
    return "{'update_id':1,'message':{'message_id':42,'date':1700000000,"
        + "'from':{'id':5,'is_bot':false,'first_name':'Ann'},'chat':" + chat + "," + rest + "}}";
  }

  private static final String PRIVATE = "{'id':5,'type':'private'}";
  private static final String GROUP = "{'id':-100,'type':'supergroup','title':'G'}";

  @Test
  void should_translate_a_private_text_message() throws Exception {
    assertThat(translate(message(PRIVATE, "'text':'Who founded Baishan?'"))).contains(
        new Incoming.Text(5, Incoming.ChatType.PRIVATE, 5, 42, "Who founded Baishan?", false, false));
  }

  @Test
  void should_flag_mentions_of_this_bot_only() throws Exception {
    Optional<Incoming> mention = translate(message(GROUP, "'text':'hi @guizhoutestbot who?',"
        + "'entities':[{'type':'mention','offset':3,'length':15}]"));
    Optional<Incoming> other = translate(message(GROUP, "'text':'hi @OtherBot who?',"
        + "'entities':[{'type':'mention','offset':3,'length':9}]"));
    Optional<Incoming> textMention = translate(message(GROUP, "'text':'Bot, who?',"
        + "'entities':[{'type':'text_mention','offset':0,'length':3,'user':{'id':7001,'is_bot':true,'first_name':'B'}}]"));
    Optional<Incoming> badEntity = translate(message(GROUP, "'text':'hi',"
        + "'entities':[{'type':'mention','offset':1,'length':40}]"));

    assertThat(mention).hasValueSatisfying(i -> assertThat(((Incoming.Text) i).mentionsBot()).isTrue());
    assertThat(mention).hasValueSatisfying(i -> assertThat(((Incoming.Text) i).chatType()).isEqualTo(Incoming.ChatType.GROUP));
    assertThat(other).hasValueSatisfying(i -> assertThat(((Incoming.Text) i).mentionsBot()).isFalse());
    assertThat(textMention).hasValueSatisfying(i -> assertThat(((Incoming.Text) i).mentionsBot()).isTrue());
    assertThat(badEntity).hasValueSatisfying(i -> assertThat(((Incoming.Text) i).mentionsBot()).isFalse());
  }

  @Test
  void should_flag_replies_to_this_bot() throws Exception {
    String toBot = "'reply_to_message':{'message_id':1,'date':1700000000,'chat':" + GROUP
        + ",'from':{'id':7001,'is_bot':true,'first_name':'B'},'text':'earlier'}";
    String toOther = toBot.replace("7001", "8002");

    assertThat(translate(message(GROUP, "'text':'and then?'," + toBot)))
        .hasValueSatisfying(i -> assertThat(((Incoming.Text) i).repliesToBot()).isTrue());
    assertThat(translate(message(GROUP, "'text':'and then?'," + toOther)))
        .hasValueSatisfying(i -> assertThat(((Incoming.Text) i).repliesToBot()).isFalse());
  }

  @Test
  void should_translate_documents_and_button_presses() throws Exception {
    assertThat(translate(message(PRIVATE, "'document':{'file_id':'f1','file_unique_id':'u1','file_name':'a.md','file_size':12}")))
        .contains(new Incoming.Upload(5, Incoming.ChatType.PRIVATE, 5, 42, "f1", "a.md", 12L));
    assertThat(translate("{'update_id':2,'callback_query':{'id':'cb-1','chat_instance':'x','data':'fb:u:k',"
        + "'from':{'id':5,'is_bot':false,'first_name':'Ann'}}}"))
        .contains(new Incoming.Press("cb-1", 5, "fb:u:k"));
  }

  @Test
  void should_ignore_bots_stickers_and_other_updates() throws Exception {
    assertThat(translate(message(PRIVATE, "'text':'hi'").replace("'is_bot':false", "'is_bot':true"))).isEmpty();
    assertThat(translate(message(PRIVATE, "'sticker':{'file_id':'s','file_unique_id':'s','type':'regular',"
        + "'width':1,'height':1,'is_animated':false,'is_video':false}"))).isEmpty();
    assertThat(translate("{'update_id':3,'edited_message':{'message_id':1,'date':1,'chat':" + PRIVATE + ",'text':'x'}}"))
        .isEmpty();
  }

  @Test
  void should_reject_a_button_press_without_a_sender() {
    assertThatThrownBy(() -> translate("{'update_id':4,'callback_query':{'id':'cb-1','chat_instance':'x','data':'d'}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cb-1");
  }
}
