package org.guizhoubot.answer;

class ExtractiveComposerContractTest extends AnswerComposerContract {
  @Override
  AnswerComposer composer() {
    return fixture.extractive;
  }

  @Override
  String expectedName() {
    return "extractive";
  }
}
